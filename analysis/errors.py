"""One exception type for bad input, so the CLI can print it cleanly and exit non-zero."""


class InputError(ValueError):
    """Bad user input: a missing, empty, binary or mis-encoded file, or a bad parameter.

    The message always names the file or the parameter at fault.
    """
