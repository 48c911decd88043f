import QtQuick
import QtTest
import Frontdesk.Console

// Avatar: a round badge with a person's initials, a stable colour per key and
// an optional presence dot.
Item {
    id: root
    width: 200
    height: 200

    TestCase {
        id: testCase
        name: "Avatar"
        when: windowShown

        Component {
            id: avatarComponent
            Avatar { }
        }

        // children[0] is the initials Label, children[1] the presence dot.
        function initialsOf(avatar) { return avatar.children[0].text }
        function dotOf(avatar) { return avatar.children[1] }

        function test_initials_data() {
            return [
                { tag: "first and last", name: "Maria Jensen", initials: "MJ" },
                { tag: "one name", name: "anna", initials: "A" },
                { tag: "middle names are skipped", name: "Jean Luc Picard", initials: "JP" },
                { tag: "lower case is raised", name: "ole nordmann", initials: "ON" },
                { tag: "extra spaces", name: "   Kari    Hansen  ", initials: "KH" },
                { tag: "tabs and newlines", name: "Li\t\nWei", initials: "LW" },
                { tag: "accents", name: "émile Zola", initials: "ÉZ" },
                { tag: "empty", name: "", initials: "?" },
                { tag: "only spaces", name: "    ", initials: "?" },
            ]
        }

        function test_initials(data) {
            const avatar = createTemporaryObject(avatarComponent, root, { name: data.name })
            verify(avatar)
            compare(initialsOf(avatar), data.initials)
        }

        function test_followsNameChanges() {
            const avatar = createTemporaryObject(avatarComponent, root, { name: "Maria Jensen" })
            compare(initialsOf(avatar), "MJ")
            avatar.name = "Per"
            compare(initialsOf(avatar), "P")
        }

        function test_colourIsStablePerKey() {
            const a = createTemporaryObject(avatarComponent, root, { name: "Maria Jensen" })
            const b = createTemporaryObject(avatarComponent, root, { name: "Maria Jensen" })
            compare(a.color, b.color)
            // The key defaults to the name; a different key picks the colour instead.
            const c = createTemporaryObject(avatarComponent, root, { name: "Maria Jensen", key: "visitor-42" })
            compare(c.color, Theme.avatarColor("visitor-42"))
            compare(a.color, Theme.avatarColor("Maria Jensen"))
            // Not every key gets the same colour.
            const seen = {}
            for (const key of ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
                seen[Theme.avatarColor(key)] = true
            verify(Object.keys(seen).length > 1, "avatar colours vary by key")
        }

        function test_round() {
            const avatar = createTemporaryObject(avatarComponent, root, { name: "X" })
            compare(avatar.width, 36)
            compare(avatar.height, 36)
            compare(avatar.radius, 18)
        }

        function test_presenceDot() {
            const avatar = createTemporaryObject(avatarComponent, root, { name: "Maria" })
            compare(dotOf(avatar).visible, false) // hidden unless asked for
            avatar.showPresence = true
            compare(dotOf(avatar).visible, true)
            compare(dotOf(avatar).color, Theme.offline)
            avatar.online = true
            compare(dotOf(avatar).color, Theme.online)
        }
    }
}
