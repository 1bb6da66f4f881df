"""The library's exceptions. The CLI maps each to one line on stderr and an exit code."""

from __future__ import annotations


class ChathamError(Exception):
    """Base of every error the library raises on purpose. Exit code 2 by default."""

    exit_code = 2


class InputError(ChathamError):
    """An input file (notes, roster, programme, decisions) cannot be used.

    The message names the file and the problem, in one line.
    """

    def __init__(self, path: object, problem: str, hint: str | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        message = f"{self.path}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class OutputError(ChathamError):
    """An output path cannot be written."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path}: {problem}")


class ConfigurationError(ChathamError):
    """The installation lacks something: a spaCy pipeline, a translator's language packages."""


class LeakError(ChathamError):
    """The leak check found originals in a file that was to be shared. Exit code 1."""

    exit_code = 1

    def __init__(self, leaks: tuple, message: str | None = None) -> None:
        self.leaks = leaks
        super().__init__(message or f"{len(leaks)} leak(s) found; the shareable file was not written")


class TranslationFileError(InputError):
    """A translation file (XLIFF) that cannot be read. `summarise` goes on without it; the report says why."""
