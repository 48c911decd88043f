#pragma once

// The store's JSON columns: sites.allowed_origins, sites.widget_settings and
// visitors.attributes hold open documents as compact JSON text (TEXT in SQLite,
// LONGTEXT in MariaDB), so a new widget setting or visitor attribute needs no
// migration. This is the only place the store reads or writes that text; the
// records carry the documents as QVariantMap and QStringList.

#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace Frontdesk::StoreRows {

inline QString jsonText(const QVariantMap &map)
{
    return QString::fromUtf8(QJsonDocument::fromVariant(map).toJson(QJsonDocument::Compact));
}

inline QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument::fromVariant(list).toJson(QJsonDocument::Compact));
}

/// An empty map for a NULL, empty or unreadable column.
inline QVariantMap jsonMap(const QVariant &column)
{
    return QJsonDocument::fromJson(column.toString().toUtf8()).toVariant().toMap();
}

inline QStringList jsonStringList(const QVariant &column)
{
    return QJsonDocument::fromJson(column.toString().toUtf8()).toVariant().toStringList();
}

} // namespace Frontdesk::StoreRows
