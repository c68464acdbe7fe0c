"""Generated run names in MLflow's style (`adjective-noun-number`), for runs created unnamed."""

from __future__ import annotations

import secrets

ADJECTIVES = (
    "able", "agile", "amazing", "bold", "brave", "bright", "calm", "capable", "clever",
    "colorful", "crisp", "curious", "dapper", "eager", "efficient", "elegant", "fast",
    "fearless", "gentle", "glamorous", "grandiose", "handsome", "honest", "illustrious",
    "industrious", "intelligent", "judicious", "kindly", "lyrical", "magnificent", "melodic",
    "merciful", "monumental", "nimble", "orderly", "placid", "polite", "quiet", "resilient",
    "rogue", "sassy", "serious", "silent", "skillful", "smiling", "sneaky", "spiffy", "stately",
    "suave", "tasteful", "thoughtful", "traveling", "unique", "upbeat", "valuable", "vaunted",
    "victorious", "welcoming", "wise", "youthful", "zealous",
)  # fmt: skip
NOUNS = (
    "ant", "ape", "asp", "auk", "bass", "bat", "bear", "bee", "bird", "boar", "bug", "calf",
    "carp", "cat", "chimp", "cod", "colt", "conch", "cow", "crab", "crane", "croc", "crow",
    "cub", "deer", "doe", "dog", "dolphin", "donkey", "dove", "duck", "eel", "elk", "fawn",
    "finch", "fish", "flea", "fly", "foal", "fowl", "fox", "frog", "gnat", "gnu", "goat",
    "goose", "grub", "gull", "hare", "hawk", "hen", "hog", "horse", "hound", "jay", "kit",
    "kite", "koi", "lamb", "lark", "loon", "lynx", "mare", "midge", "mink", "mole", "moose",
    "moth", "mouse", "mule", "newt", "owl", "ox", "panda", "pig", "pug", "ram", "rat", "ray",
    "roo", "seal", "shad", "shark", "shrew", "skink", "slug", "snail", "snake", "squid",
    "stag", "steed", "stoat", "swan", "toad", "trout", "wasp", "whale", "wolf", "worm",
    "wren", "yak", "zebra",
)  # fmt: skip


def generate_run_name() -> str:
    """E.g. `monumental-slug-74`, like the reference server's names."""
    number = secrets.randbelow(1000)
    return f"{secrets.choice(ADJECTIVES)}-{secrets.choice(NOUNS)}-{number}"
