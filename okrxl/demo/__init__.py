"""The built-in example company of the docs, Digital Posthantering AB (DPAB), and its whole year."""
