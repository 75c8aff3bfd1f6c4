"""Views of the assistant app: the chat (page, navbar panel) and the CV (editor, exports, shared link)."""
