<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>BalanceWidget</name>
    <message>
        <source>updated {time}</source>
        <translation>mis à jour à {time}</translation>
    </message>
    <message>
        <source>updated {day} {time}</source>
        <translation>mis à jour le {day} à {time}</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>Unknown date</source>
        <translation>date inconnue</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation>aujourd’hui {time}</translation>
    </message>
    <message>
        <source>Yesterday {time}</source>
        <translation>hier {time}</translation>
    </message>
</context>
</TS>
