/*
 * The "Image from library" dialog: lists media library images from the admin's
 * picker endpoint, with a search box, and resolves with the chosen image
 * (as the endpoint describes it) or null when the editor cancels.
 */
import { crel, gettext } from "django-prose-editor/editor"
import { openPickerDialog } from "./picker-dialog.js"

export function chooseLibraryImage({ pickerUrl, container }) {
  return openPickerDialog({
    pickerUrl,
    container,
    title: gettext("Image from library"),
    searchPlaceholder: gettext("Search titles, captions and credits"),
    searchLabel: gettext("Search the library"),
    resultsClass: "metro-picker__results",
    itemButton: (image) =>
      crel(
        "button",
        {
          type: "button",
          className: "metro-picker__item",
          title: image.caption || image.title,
        },
        [
          crel("img", { src: image.thumbnail, alt: "", loading: "lazy" }),
          crel("span", { className: "metro-picker__title", textContent: image.title }),
          crel("span", { className: "metro-picker__credit", textContent: image.credit }),
        ],
      ),
    countText: (count) => `${count} ${count === 1 ? gettext("image") : gettext("images")}`,
    emptyText: gettext("No images match."),
    failureText: gettext(
      "The library could not be loaded. Check that you are still logged in, then try again.",
    ),
  })
}
