"use strict";
// Django's calendar puts its time-zone note ("Note: Enter times in the … timezone")
// above every date field; a date alone has no time zone, so date-only fields lose it.
// A date-and-time field's note is named after the field, not its date input, and stays.
// Loaded deferred, so this listener runs after DateTimeShortcuts has added the notes.
window.addEventListener("load", () => {
  for (const input of document.querySelectorAll("input.vDateField")) {
    if (input.closest("p.datetime")) {
      continue;
    }
    document.getElementById(`${input.id}_timezone_warning_helptext`)?.remove();
  }
});
