"""EduGraph: a knowledge graph of Russian educational initiatives built from news articles."""

import os

# The NER models run on numpy: one BLAS thread per process, since `--jobs` runs one process per core (with
# OpenBLAS's own threads besides, two processes on two cores took 2.6 times the CPU of one). Set before numpy
# loads; a value the user set is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__version__ = "0.1.0"
