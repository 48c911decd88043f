pragma Singleton
import QtQuick

// Spacing, sizes and the few fixed colours the console uses everywhere.
// Surface colours come from the Material style, so light and dark follow the system.
QtObject {
    readonly property color accent: "#2563eb"
    readonly property color waiting: "#d97706"
    readonly property color danger: "#dc2626"
    readonly property color online: "#16a34a"
    readonly property color away: "#f59e0b"
    readonly property color offline: "#9ca3af"
    readonly property int gap: 8
    readonly property int pad: 16
    readonly property int radius: 10
    readonly property int smallText: 12
    readonly property int bodyText: 14
    readonly property int titleText: 18

    function statusColor(status) {
        return status === "online" ? online : status === "away" ? away : offline
    }
    // A stable colour per visitor for avatars.
    function avatarColor(key) {
        const colors = ["#2563eb", "#7c3aed", "#db2777", "#ea580c", "#0d9488", "#4f46e5", "#0891b2", "#65a30d"]
        let h = 0
        for (let i = 0; i < key.length; ++i)
            h = (h * 31 + key.charCodeAt(i)) % 9973
        return colors[h % colors.length]
    }
    function initials(name) {
        const parts = name.trim().split(/\s+/)
        if (parts.length === 0 || parts[0] === "")
            return "?"
        return (parts[0][0] + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase()
    }
}
