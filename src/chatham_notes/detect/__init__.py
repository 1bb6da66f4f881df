"""The detection stage: spaCy + Presidio + the project's own recognisers -> Mentions and Parties."""
