"""One module per screen: each has a ``render()`` that its page in ``pages/`` calls."""
