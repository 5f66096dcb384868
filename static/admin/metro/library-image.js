/*
 * "Image from library" for django-prose-editor: a toolbar button that opens
 * the media library picker and inserts the chosen image as
 *
 *   <figure class="media-image" data-image-id="ID"><img src="URL" alt="ALT">
 *   <figcaption>CAPTION <span class="credit">CREDIT</span></figcaption></figure>
 *
 * The figure is a single block: caption and credit belong to the library
 * image, and the site renders them from the library, not from this copy.
 */
import { Node } from "django-prose-editor/editor"
import { chooseLibraryImage } from "./library-image-picker.js"

// Attributes parsed from the stored figure; renderHTML below writes the markup.
const figureAttribute = (parseHTML) => ({
  default: "",
  parseHTML,
  renderHTML: () => ({}),
})

const captionWithoutCredit = (figcaption, creditClass) =>
  [...(figcaption?.childNodes ?? [])]
    .filter((child) => !child.classList?.contains(creditClass))
    .map((child) => child.textContent)
    .join("")
    .trim()

export const MediaLibraryImage = Node.create({
  name: "mediaLibraryImage",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { pickerUrl: null, figureClass: "media-image", creditClass: "credit" }
  },

  addAttributes() {
    const { creditClass } = this.options
    const img = (figure) => figure.querySelector("img")
    return {
      imageId: figureAttribute((figure) => figure.dataset.imageId),
      src: figureAttribute((figure) => img(figure)?.getAttribute("src") ?? ""),
      alt: figureAttribute((figure) => img(figure)?.getAttribute("alt") ?? ""),
      caption: figureAttribute((figure) =>
        captionWithoutCredit(figure.querySelector("figcaption"), creditClass),
      ),
      credit: figureAttribute(
        (figure) =>
          figure.querySelector(`figcaption .${creditClass}`)?.textContent.trim() ?? "",
      ),
    }
  },

  parseHTML() {
    return [{ tag: `figure.${this.options.figureClass}[data-image-id]`, priority: 60 }]
  },

  renderHTML({ node }) {
    const { imageId, src, alt, caption, credit } = node.attrs
    const { figureClass, creditClass } = this.options
    const figure = [
      "figure",
      { class: figureClass, "data-image-id": imageId },
      ["img", { src, alt }],
    ]
    const figcaption = []
    if (caption) figcaption.push(caption)
    if (caption && credit) figcaption.push(" ")
    if (credit) figcaption.push(["span", { class: creditClass }, credit])
    if (figcaption.length) figure.push(["figcaption", {}, ...figcaption])
    return figure
  },

  addCommands() {
    return {
      insertLibraryImage:
        (image) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: {
              imageId: String(image.id),
              src: image.url,
              alt: image.alt,
              caption: image.caption,
              credit: image.credit,
            },
          }),
    }
  },

  addMenuItems({ buttons, menu }) {
    const { pickerUrl } = this.options
    menu.defineItem({
      name: "mediaLibraryImage",
      groups: "nodes",
      button: buttons.text(
        "Image from library",
        "Image from library: insert a picture with its caption and credit",
      ),
      command: async (editor) => {
        const container = editor.view.dom.parentElement
        const image = await chooseLibraryImage({ pickerUrl, container })
        if (image) editor.chain().focus().insertLibraryImage(image).run()
      },
      active: (editor) => editor.isActive(this.name),
      enabled: (editor) => editor.isEditable,
    })
  },
})
