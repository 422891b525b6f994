"""Held-out layout family e: phone screens where the post is one item among several."""
