"""What the bot does for each incoming message or command.

``handlers.entry.handle`` is the one entry point; ``handlers.table.COMMANDS`` is the one
table from command text to handler function.
"""
