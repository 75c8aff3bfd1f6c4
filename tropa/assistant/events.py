"""Verbs of the events the assistant app records (entity.action). Payloads never carry what the user wrote."""

ASSISTANT_ASKED = (
    "assistant.asked"  # payload: intent, source ("model" | "rules"), fallback (why the model was not used)
)
CV_GENERATED = "cv.generated"  # payload: format ("pdf" | "json"), language
