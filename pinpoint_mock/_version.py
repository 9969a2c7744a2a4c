"""The package's version, in one place: ``pinpoint_mock.__version__`` and the wheel's metadata
(``[tool.setuptools.dynamic]`` in pyproject.toml) both read it."""

__version__ = "0.1.0"
