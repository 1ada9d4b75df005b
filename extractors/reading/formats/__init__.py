"""One small reader per input format, each turning a file's content into a ``Grid`` of rows."""
