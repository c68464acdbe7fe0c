"""The core: every rule and every query. Functions take the session first, keywords after."""
