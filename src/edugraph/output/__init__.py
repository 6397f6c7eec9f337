"""Writing the build folder (`write`) and reading it back (`read`)."""
