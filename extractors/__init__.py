from extractors.citations import get_citations as get_citations
from extractors.read import read_list as read_list
