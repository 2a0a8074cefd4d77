"""Built-in output plugins."""
