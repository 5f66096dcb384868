/*
 * "Pull quote" for django-prose-editor: a toolbar button turning the current
 * paragraphs (or block quote) into <blockquote class="pull-quote">, and back.
 */
import { Extension } from "django-prose-editor/editor"

export const PullQuote = Extension.create({
  name: "pullQuote",

  addOptions() {
    return { className: "pull-quote" }
  },

  addGlobalAttributes() {
    const { className } = this.options
    return [
      {
        types: ["blockquote"],
        attributes: {
          class: {
            default: null,
            parseHTML: (element) =>
              element.classList.contains(className) ? className : null,
            renderHTML: (attributes) =>
              attributes.class ? { class: attributes.class } : {},
          },
        },
      },
    ]
  },

  addCommands() {
    const pullQuote = { class: this.options.className }
    return {
      togglePullQuote:
        () =>
        ({ editor, commands }) => {
          if (editor.isActive("blockquote", pullQuote)) {
            return commands.lift("blockquote")
          }
          if (editor.isActive("blockquote")) {
            return commands.updateAttributes("blockquote", pullQuote)
          }
          return commands.wrapIn("blockquote", pullQuote)
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    const pullQuote = { class: this.options.className }
    menu.defineItem({
      name: "pullQuote",
      groups: "nodes",
      button: buttons.text("Pull quote", "Pull quote: a line from the story, set large"),
      command: (editor) => editor.chain().focus().togglePullQuote().run(),
      active: (editor) => editor.isActive("blockquote", pullQuote),
      enabled: (editor) => editor.can().togglePullQuote(),
    })
  },
})
