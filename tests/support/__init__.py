"""Helpers shared by test modules (import them from here, never from another test module), and real stores
started on 127.0.0.1 (Oxigraph, Virtuoso) and Jena's ARQ."""
