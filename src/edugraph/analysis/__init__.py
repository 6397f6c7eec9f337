"""Network analysis of the knowledge graph: RDF -> networkx (`network`) and its metrics (`metrics`)."""
