"""One module per `edugraph` sub-command; each defines `register(subparsers)`."""
