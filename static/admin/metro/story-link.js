/*
 * Links for the story body: django-prose-editor's Link, whose dialog can also
 * find a story, a person or a film (link-picker.js). A link chosen that way is
 * stored by reference,
 *
 *   <a href="/film/the-salt-ledger/" data-link="article:12">…</a>
 *
 * and the site gives it the target's current address whenever the story is
 * shown (articles/links.py). A typed or pasted URL stays a plain link.
 */
import { Link } from "django-prose-editor/editor"
import { editLink } from "./link-picker.js"

export const MetroLink = Link.extend({
  addOptions() {
    return { ...this.parent?.(), targetsUrl: null }
  },

  addAttributes() {
    return {
      ...this.parent?.(),
      reference: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-link"),
        renderHTML: (attributes) =>
          attributes.reference ? { "data-link": attributes.reference } : {},
      },
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "link",
      groups: "link",
      command: (editor) => editor.chain().addLink().focus().run(),
      enabled: (editor) => !editor.state.selection.empty || editor.isActive(this.name),
      button: buttons.material(
        "insert_link",
        "Link: to a story, person or film, or a web address",
      ),
      active: (editor) => editor.isActive(this.name),
    })
    menu.defineItem({
      name: "unlink",
      groups: "link",
      command: (editor) => editor.chain().focus().unsetLink().run(),
      button: buttons.material("link_off", "Remove link"),
      hidden: (editor) => !editor.isActive(this.name),
    })
  },

  addCommands() {
    return {
      ...this.parent?.(),
      addLink:
        () =>
        ({ editor }) => {
          if (editor.state.selection.empty && !editor.isActive(this.name)) return false
          const { targetsUrl } = this.options
          const current = editor.getAttributes(this.name)
          editLink({ editor, current, targetsUrl }).then((link) => {
            if (!link) return
            const chain = editor.chain().focus().extendMarkRange(this.name)
            if (!link.href) {
              chain.unsetLink().run()
            } else if (editor.isActive(this.name)) {
              chain.updateAttributes(this.name, link).run()
            } else {
              chain.setMark(this.name, link).run()
            }
          })
          return true
        },
    }
  },
})
