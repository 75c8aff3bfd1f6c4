"""The assistant app's writes: the conversation (chat.py) and the CV (cv.py)."""
