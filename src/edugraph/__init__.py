"""EduGraph: a knowledge graph of Russian educational initiatives built from news articles."""

__version__ = "0.1.0"
