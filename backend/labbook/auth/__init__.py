"""Accounts and access: passwords, tokens, who is asking, what they may do."""
