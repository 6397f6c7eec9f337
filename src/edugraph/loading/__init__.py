"""Pushing the built graph into an RDF store: a remote one (SPARQL protocols) or an on-disk Oxigraph store.

`graphs` reads the build, `targets` talks to a store, `loader` stages, verifies and switches each graph.
"""
