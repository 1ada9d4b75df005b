"""The analyst notebooks run top to bottom without errors, check their answers, and are kept
without stored outputs."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS][:1] == ["01-tour.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_has_no_stored_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_question_a_notebook_asks_checks_its_answer(path: Path) -> None:
    # running without errors is not enough: 01-tour's SPARQL cell printed "0 citing rows" (an IRI
    # bound as a literal) and passed; a cell that asks the store asserts what it must answer
    notebook = nbformat.read(path, as_version=4)
    asking = [
        cell.source
        for cell in notebook.cells
        if cell.cell_type == "code" and re.search(r"\b(run_query|find_citing_items)\(", cell.source)
    ]
    assert asking, path.name
    assert [source for source in asking if not re.search(r"^assert ", source, re.M)] == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute(env={**os.environ, "TMPDIR": str(tmp_path)})  # what the notebook makes, in tmp_path
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
