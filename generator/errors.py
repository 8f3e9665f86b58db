"""Exceptions of the generator: the core raises them, only the CLI turns them into messages."""

from __future__ import annotations


class DossierError(Exception):
    """Base class of every error the generator reports to the user."""


class CatalogueError(DossierError):
    """A knowledge or catalogue file cannot be read."""


class InputError(DossierError):
    """An input file cannot be used as an article."""


class EmptyInputError(InputError):
    """The file holds no text."""


class BinaryInputError(InputError):
    """The file is not text in any encoding we can detect."""


class TooLargeError(InputError):
    """The file is larger than an article can be."""


class FrontMatterError(InputError):
    """The file's front matter is not valid YAML or has a bad field."""


class UnsupportedFormatError(InputError):
    """The file's extension is not one Dossier reads."""


class DuplicatePathError(DossierError):
    """Two generated pages would be written to one path."""


class TemplateMissingError(DossierError):
    """A template the generator needs is not in templates/."""


class SiteBuildError(DossierError):
    """MkDocs could not build the site."""
