"""Views of the projects app: parse, authorize, call one service or selector, render."""
