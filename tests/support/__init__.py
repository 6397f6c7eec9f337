"""Helpers shared by the tests: real stores started on 127.0.0.1 (Oxigraph, Virtuoso) and Jena's ARQ."""
