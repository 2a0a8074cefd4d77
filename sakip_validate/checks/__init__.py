"""Built-in check kinds, registered in the ``sakip_validate.checks`` entry-point group."""
