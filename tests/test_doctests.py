"""Every docstring example in the package runs (doctest), so the documentation shows real behaviour."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import edugraph

MODULES = sorted(info.name for info in pkgutil.walk_packages(edugraph.__path__, "edugraph.")
                 if not info.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failed == 0, f"{name}: {failed} docstring example(s) failed"


def test_the_package_has_docstring_examples():
    tried = sum(doctest.testmod(importlib.import_module(name)).attempted for name in MODULES)
    assert tried >= 20
