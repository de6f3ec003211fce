"""The glossary: terms grouped and sorted in each language (pinyin for Chinese)."""
