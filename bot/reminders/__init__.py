"""Deadline nagging: reminder rows, the policy that places them, the sweep that sends them."""
