<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AppTray</name>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Open Switchboard</source>
        <translation>Ouvrir Switchboard</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <source>No audio output device was found on this computer: the message plays silently. Connect speakers or headphones, or save the audio as a file.</source>
        <translation>Aucune sortie audio n’a été trouvée sur cet ordinateur&#xa0;: le message joue en silence. Branchez des haut-parleurs ou des écouteurs, ou enregistrez l’audio dans un fichier.</translation>
    </message>
    <message>
        <source>This voicemail&apos;s audio could not be decoded, so it cannot be played. Try saving it as a WAV file, or listen to it by phone.</source>
        <translation>L’audio de ce message vocal n’a pas pu être décodé; il ne peut donc pas être écouté. Essayez de l’enregistrer en WAV, ou écoutez-le par téléphone.</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Lecture / pause (Espace)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>{position} / {duration}</source>
        <translation>{position} / {duration}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
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
    <message>
        <source>{amount} spent today</source>
        <translation>{amount} dépensés aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) today</source>
        <translation>
            <numerusform>%n appel aujourd’hui</numerusform>
            <numerusform>%n appels aujourd’hui</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Account balance</source>
        <translation>Solde du compte</translation>
    </message>
    <message>
        <source>Loading balance…</source>
        <translation>Chargement du solde…</translation>
    </message>
    <message>
        <source>Refresh balance</source>
        <translation>Actualiser le solde</translation>
    </message>
    <message>
        <source>Fetch the balance from VoIP.ms now</source>
        <translation>Obtenir le solde de VoIP.ms maintenant</translation>
    </message>
    <message>
        <source>Low balance: under {amount}</source>
        <translation>Solde bas&#xa0;: moins de {amount}</translation>
    </message>
    <message>
        <source>Low balance: {days}</source>
        <translation>Solde bas&#xa0;: {days}</translation>
    </message>
    <message>
        <source>Balance unavailable</source>
        <translation>Solde non disponible</translation>
    </message>
    <message>
        <source>could not update</source>
        <translation>mise à jour impossible</translation>
    </message>
</context>
<context>
    <name>BubbleDelegate</name>
    <message>
        <source>Picture not downloaded
Click to try again</source>
        <translation>Image non téléchargée
Cliquez pour réessayer</translation>
    </message>
    <message>
        <source>Image cannot be shown</source>
        <translation>Image impossible à afficher</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Chargement de l’image…</translation>
    </message>
    <message>
        <source> · MMS</source>
        <translation> · MMS</translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>My number</source>
        <translation>Mon numéro</translation>
    </message>
    <message>
        <source>All my numbers</source>
        <translation>Tous mes numéros</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>All phones</source>
        <translation>Tous les téléphones</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Search name or number</source>
        <translation>Chercher un nom ou un numéro</translation>
    </message>
    <message>
        <source>Search calls</source>
        <translation>Chercher dans les appels</translation>
    </message>
    <message>
        <source>Loading calls…</source>
        <translation>Chargement des appels…</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Rappeler</translation>
    </message>
    <message>
        <source>Call this number with your softphone</source>
        <translation>Appeler ce numéro avec votre téléphone logiciel</translation>
    </message>
    <message>
        <source>Text back</source>
        <translation>Répondre par texto</translation>
    </message>
    <message>
        <source>Open a conversation with this number</source>
        <translation>Ouvrir une conversation avec ce numéro</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Copier le numéro</translation>
    </message>
    <message>
        <source>Copy the number (Ctrl+C)</source>
        <translation>Copier le numéro (Ctrl+C)</translation>
    </message>
    <message>
        <source>Add to contacts…</source>
        <translation>Ajouter aux contacts…</translation>
    </message>
    <message>
        <source>Save the caller in the phonebook</source>
        <translation>Enregistrer l’appelant dans l’annuaire</translation>
    </message>
    <message>
        <source>Mark all seen</source>
        <translation>Tout marquer comme vu</translation>
    </message>
    <message>
        <source>Clear the missed-call count</source>
        <translation>Remettre à zéro le compte des appels manqués</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Save the calls shown as a spreadsheet</source>
        <translation>Enregistrer les appels affichés comme feuille de calcul</translation>
    </message>
    <message>
        <source>Play recording</source>
        <translation>Écouter l’enregistrement</translation>
    </message>
    <message>
        <source>Play the call&apos;s recording</source>
        <translation>Écouter l’enregistrement de l’appel</translation>
    </message>
    <message>
        <source>Save recording…</source>
        <translation>Enregistrer le fichier audio…</translation>
    </message>
    <message>
        <source>Save the recording as an MP3 file</source>
        <translation>Enregistrer l’enregistrement en fichier MP3</translation>
    </message>
    <message>
        <source>Delete recording…</source>
        <translation>Supprimer l’enregistrement…</translation>
    </message>
    <message>
        <source>Delete the recording at VoIP.ms</source>
        <translation>Supprimer l’enregistrement chez VoIP.ms</translation>
    </message>
    <message>
        <source>E-mail recording…</source>
        <translation>Envoyer l’enregistrement par courriel…</translation>
    </message>
    <message>
        <source>Have VoIP.ms e-mail the recording to an address</source>
        <translation>Faire envoyer l’enregistrement par courriel par VoIP.ms</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Open the voicemail the caller left</source>
        <translation>Ouvrir le message vocal laissé par l’appelant</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>No calls match these filters.</source>
        <translation>Aucun appel ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Checking for calls failed: {text}</source>
        <translation>La vérification des appels a échoué&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Marking the call seen…</source>
        <translation>Appel marqué comme vu…</translation>
    </message>
    <message>
        <source>No program on this computer opens “{value}:” links. Install a softphone, or choose the other link type in the settings.</source>
        <translation>Aucun programme de cet ordinateur n’ouvre les liens «&#xa0;{value}:&#xa0;». Installez un téléphone logiciel, ou choisissez l’autre type de lien dans les réglages.</translation>
    </message>
    <message>
        <source>Copied {number}</source>
        <translation>{number} copié</translation>
    </message>
    <message>
        <source>Add to contacts</source>
        <translation>Ajouter aux contacts</translation>
    </message>
    <message>
        <source>Name for {number}:</source>
        <translation>Nom pour le {number}&#xa0;:</translation>
    </message>
    <message>
        <source>Adding the contact…</source>
        <translation>Ajout du contact…</translation>
    </message>
    <message>
        <source>Added {name} to the phonebook</source>
        <translation>{name} ajouté à l’annuaire</translation>
    </message>
    <message>
        <source>Marking calls seen…</source>
        <translation>Appels marqués comme vus…</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Exporter les appels</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting calls…</source>
        <translation>Exportation des appels…</translation>
    </message>
    <message>
        <source>Exported {count} calls to {name}</source>
        <translation>{count} appels exportés dans {name}</translation>
    </message>
    <message>
        <source>Fetching the recording of {row}…</source>
        <translation>Récupération de l’enregistrement de {row}…</translation>
    </message>
    <message>
        <source>Fetching the recording…</source>
        <translation>Récupération de l’enregistrement…</translation>
    </message>
    <message>
        <source>{row} · {seconds}</source>
        <translation>{row} · {seconds}</translation>
    </message>
    <message>
        <source>Save recording</source>
        <translation>Enregistrer le fichier audio</translation>
    </message>
    <message>
        <source>MP3 audio (*.mp3)</source>
        <translation>Audio MP3 (*.mp3)</translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation>Enregistrement du fichier audio…</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} enregistré</translation>
    </message>
    <message>
        <source>E-mail recording</source>
        <translation>Envoyer l’enregistrement par courriel</translation>
    </message>
    <message>
        <source>Send the recording of the call with {row} to:</source>
        <translation>Envoyer l’enregistrement de l’appel avec {row} à&#xa0;:</translation>
    </message>
    <message>
        <source>Asking VoIP.ms to e-mail the recording…</source>
        <translation>Demande à VoIP.ms d’envoyer l’enregistrement par courriel…</translation>
    </message>
    <message>
        <source>Delete the recording of the call with {row}? It is deleted at VoIP.ms too and cannot be recovered.</source>
        <translation>Supprimer l’enregistrement de l’appel avec {row}? Il est aussi supprimé chez VoIP.ms et ne pourra pas être récupéré.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the recording…</source>
        <translation>Suppression de l’enregistrement…</translation>
    </message>
</context>
<context>
    <name>ChangeLogModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>ChangeLogPanel</name>
    <message>
        <source>Undo this change</source>
        <translation>Annuler cette modification</translation>
    </message>
    <message>
        <source>Put the numbers of the selected change back as they were before it</source>
        <translation>Remettre les numéros de la modification sélectionnée comme ils étaient avant</translation>
    </message>
    <message>
        <source>changes made from this computer</source>
        <translation>modifications faites depuis cet ordinateur</translation>
    </message>
    <message>
        <source>nothing changed from this computer yet</source>
        <translation>aucune modification depuis cet ordinateur pour l’instant</translation>
    </message>
    <message>
        <source>&lt;b&gt;Change log&lt;/b&gt; ({suffix})</source>
        <translation>&lt;b&gt;Journal des modifications&lt;/b&gt; ({suffix})</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message numerus="yes">
        <source>Finishing %n send(s)… the window closes after.</source>
        <translation>
            <numerusform>Fin de %n envoi… la fenêtre se fermera ensuite.</numerusform>
            <numerusform>Fin de %n envois… la fenêtre se fermera ensuite.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnFitter</name>
    <message>
        <source>Not shown for lack of room: {columns}.
Right-click here to choose the columns.</source>
        <translation>Non affichées faute de place&#xa0;: {columns}.
Cliquez ici avec le bouton droit pour choisir les colonnes.</translation>
    </message>
    <message>
        <source>Right-click here to choose the columns.</source>
        <translation>Cliquez ici avec le bouton droit pour choisir les colonnes.</translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
</context>
<context>
    <name>ComposeFaxDialog</name>
    <message>
        <source>Send a fax</source>
        <translation>Envoyer une télécopie</translation>
    </message>
    <message>
        <source>Fax number to send to</source>
        <translation>Numéro de télécopieur du destinataire</translation>
    </message>
    <message>
        <source>Fax number to send from</source>
        <translation>Numéro de télécopieur d’envoi</translation>
    </message>
    <message>
        <source>Loading your fax numbers…</source>
        <translation>Chargement de vos numéros de télécopieur…</translation>
    </message>
    <message>
        <source>Your name or company</source>
        <translation>Votre nom ou celui de l’entreprise</translation>
    </message>
    <message>
        <source>Shown on the recipient&apos;s fax machine</source>
        <translation>Affiché sur le télécopieur du destinataire</translation>
    </message>
    <message>
        <source>E-mail me a copy</source>
        <translation>M’envoyer une copie par courriel</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>vous@exemple.com</translation>
    </message>
    <message>
        <source>E-mail address for the copy</source>
        <translation>Adresse courriel pour la copie</translation>
    </message>
    <message>
        <source>Type a message to fax (optional): it becomes the first page(s), before the attached documents.</source>
        <translation>Tapez un message à télécopier (facultatif)&#xa0;: il devient la ou les premières pages, avant les documents joints.</translation>
    </message>
    <message>
        <source>Typed message</source>
        <translation>Message tapé</translation>
    </message>
    <message>
        <source>Add a cover page</source>
        <translation>Ajouter une page couverture</translation>
    </message>
    <message>
        <source>Who the fax is for</source>
        <translation>À qui est destinée la télécopie</translation>
    </message>
    <message>
        <source>Cover page: to</source>
        <translation>Page couverture&#xa0;: destinataire</translation>
    </message>
    <message>
        <source>Cover page: subject</source>
        <translation>Page couverture&#xa0;: objet</translation>
    </message>
    <message>
        <source>Cover page: note</source>
        <translation>Page couverture&#xa0;: note</translation>
    </message>
    <message>
        <source>Attached documents</source>
        <translation>Documents joints</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Send fax</source>
        <translation>Envoyer la télécopie</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close; the fax stays here until you send or discard it</source>
        <translation>Fermer; la télécopie reste ici jusqu’à ce que vous l’envoyiez ou l’abandonniez</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Abandonner le brouillon</translation>
    </message>
    <message>
        <source>Forget this fax: fields, message and attachments</source>
        <translation>Oublier cette télécopie&#xa0;: champs, message et pièces jointes</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Message&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Destinataire&#xa0;:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>O&amp;bjet&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ote&#xa0;:</translation>
    </message>
    <message>
        <source>Could not prepare the fax document: {value}.</source>
        <translation>Impossible de préparer le document à télécopier&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>Nothing to send yet: attach documents or type a message. The fax document may be up to {limit}.</source>
        <translation>Rien à envoyer pour l’instant&#xa0;: joignez des documents ou tapez un message. Le document à télécopier peut atteindre {limit}.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) · {size}</source>
        <translation>
            <numerusform>%n page · {size}</numerusform>
            <numerusform>%n pages · {size}</numerusform>
        </translation>
    </message>
    <message>
        <source> — over the {limit} limit even drawn at {dpi} dpi: send it as two faxes (remove some pages now, send them next).</source>
        <translation> — au-delà de la limite de {limit} même redessinée à {dpi} ppp&#xa0;: envoyez-la en deux télécopies (retirez des pages maintenant, envoyez-les ensuite).</translation>
    </message>
    <message>
        <source> — drawn at {dpi} dpi to fit the {limit} limit (a fax is received at about 200 × 100 dpi)</source>
        <translation> — redessiné à {dpi} ppp pour respecter la limite de {limit} (une télécopie est reçue à environ 200 × 100 ppp)</translation>
    </message>
    <message>
        <source>Your unsent fax is back, as you left it.</source>
        <translation>Votre télécopie non envoyée est revenue, telle que vous l’aviez laissée.</translation>
    </message>
    <message>
        <source> No longer found, left out: {files}.</source>
        <translation> Introuvables, laissés de côté&#xa0;: {files}.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À&#xa0;:</translation>
    </message>
    <message>
        <source>Attach documents or type a message to see the fax here, page by page, before sending it.</source>
        <translation>Joignez des documents ou tapez un message pour voir la télécopie ici, page par page, avant de l’envoyer.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De&#xa0;:</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>&amp;Nom de l’expéditeur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Station id:</source>
        <translation>&amp;Identifiant du poste&#xa0;:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Documents&lt;/b&gt; (PDF, text, JPG, GIF, PNG, TIFF), in sending order:</source>
        <translation>&lt;b&gt;Documents&lt;/b&gt; (PDF, texte, JPG, GIF, PNG, TIFF), dans l’ordre d’envoi&#xa0;:</translation>
    </message>
    <message>
        <source>Could not load your fax numbers</source>
        <translation>Impossible de charger vos numéros de télécopieur</translation>
    </message>
    <message>
        <source>Close this window and open it again to retry.</source>
        <translation>Fermez cette fenêtre et rouvrez-la pour réessayer.</translation>
    </message>
    <message>
        <source>This account has no fax number</source>
        <translation>Ce compte n’a aucun numéro de télécopieur</translation>
    </message>
    <message>
        <source>A fax number is needed to send faxes: order one at VoIP.ms.</source>
        <translation>Il faut un numéro de télécopieur pour envoyer des télécopies&#xa0;: commandez-en un chez VoIP.ms.</translation>
    </message>
    <message>
        <source>Preparing the fax document…</source>
        <translation>Préparation du document à télécopier…</translation>
    </message>
    <message>
        <source> — over the {limit} limit: remove pages or attach smaller images.</source>
        <translation> — au-delà de la limite de {limit}&#xa0;: retirez des pages ou joignez des images plus petites.</translation>
    </message>
    <message>
        <source>Not a valid US or Canadian fax number.</source>
        <translation>Ce n’est pas un numéro de télécopieur américain ou canadien valide.</translation>
    </message>
    <message>
        <source>Too many digits for a US or Canadian number.</source>
        <translation>Trop de chiffres pour un numéro américain ou canadien.</translation>
    </message>
    <message>
        <source>Discard this fax? The attached documents are not changed.</source>
        <translation>Abandonner cette télécopie? Les documents joints ne sont pas modifiés.</translation>
    </message>
    <message>
        <source>Discard fax</source>
        <translation>Abandonner la télécopie</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n page(s) to {to}…</source>
        <translation>
            <numerusform>Envoi de %n page au {to}…</numerusform>
            <numerusform>Envoi de %n pages au {to}…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending the fax to {to}…</source>
        <translation>Envoi de la télécopie au {to}…</translation>
    </message>
    <message>
        <source>Not sent. Your fax is kept: correct it and send it again.</source>
        <translation>Non envoyée. Votre télécopie est conservée&#xa0;: corrigez-la et envoyez-la de nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>Fax to {to} sent (%n page(s)).</source>
        <translation>
            <numerusform>Télécopie au {to} envoyée (%n page).</numerusform>
            <numerusform>Télécopie au {to} envoyée (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeWidget</name>
    <message>
        <source>The number the message is sent from</source>
        <translation>Le numéro d’où part le message</translation>
    </message>
    <message>
        <source>Long texts: split into SMS</source>
        <translation>Longs textes&#xa0;: découper en textos</translation>
    </message>
    <message>
        <source>Long texts: send as MMS</source>
        <translation>Longs textes&#xa0;: envoyer en MMS</translation>
    </message>
    <message>
        <source>Type a message (Ctrl+Enter sends)</source>
        <translation>Tapez un message (Ctrl+Entrée l’envoie)</translation>
    </message>
    <message>
        <source>Attach image…</source>
        <translation>Joindre une image…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>{name} ✕</source>
        <translation>{name} ✕</translation>
    </message>
    <message>
        <source>{name} ({size} KB): click to remove</source>
        <translation>{name} ({size}&#xa0;Ko)&#xa0;: cliquez pour retirer</translation>
    </message>
</context>
<context>
    <name>ConnectivityBar</name>
    <message>
        <source>Can&apos;t reach VoIP.ms.</source>
        <translation>VoIP.ms est injoignable.</translation>
    </message>
    <message>
        <source>Can&apos;t reach VoIP.ms. Showing saved data (last contact {when}).</source>
        <translation>VoIP.ms est injoignable. Données enregistrées affichées (dernier contact {when}).</translation>
    </message>
    <message>
        <source>Checking now…</source>
        <translation>Vérification en cours…</translation>
    </message>
    <message>
        <source>Trying again in {seconds} s.</source>
        <translation>Nouvel essai dans {seconds}&#xa0;s.</translation>
    </message>
    <message>
        <source>Can&apos;t reach VoIP.ms</source>
        <translation>VoIP.ms injoignable</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Réess&amp;ayer</translation>
    </message>
    <message>
        <source>Try to reach VoIP.ms now</source>
        <translation>Essayer de joindre VoIP.ms maintenant</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Saving the draft…</source>
        <translation>Enregistrement du brouillon…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>VoIP.ms answered late, but the message was sent.</source>
        <translation>VoIP.ms a répondu en retard, mais le message a été envoyé.</translation>
    </message>
    <message>
        <source>That message is no longer being sent.</source>
        <translation>Ce message n’est plus en cours d’envoi.</translation>
    </message>
    <message>
        <source>The message was not sent again: {problems}</source>
        <translation>Le message n’a pas été renvoyé&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>Discarding…</source>
        <translation>Abandon…</translation>
    </message>
    <message>
        <source>Checking unconfirmed messages…</source>
        <translation>Vérification des messages non confirmés…</translation>
    </message>
    <message>
        <source>An MMS carries at most {count} images; the others were not attached.</source>
        <translation>Un MMS contient au plus {count} images; les autres n’ont pas été jointes.</translation>
    </message>
    <message>
        <source>Attaching…</source>
        <translation>Ajout de la pièce jointe…</translation>
    </message>
    <message>
        <source>Nothing to mark unread: no message received here yet.</source>
        <translation>Rien à marquer comme non lu&#xa0;: aucun message reçu ici pour l’instant.</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>this conversation</source>
        <translation>cette conversation</translation>
    </message>
    <message>
        <source>Picture sent to {who} - {when}</source>
        <translation>Image envoyée à {who} - {when}</translation>
    </message>
    <message>
        <source>Picture from {who} - {when}</source>
        <translation>Image de {who} - {when}</translation>
    </message>
    <message>
        <source>Picture from {who}</source>
        <translation>Image de {who}</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv);;Text (*.txt)</source>
        <translation>Feuille de calcul CSV (*.csv);;Texte (*.txt)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) saved to {path}.</source>
        <translation>
            <numerusform>%n message enregistré dans {path}.</numerusform>
            <numerusform>%n messages enregistrés dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>this message</source>
        <translation>ce message</translation>
    </message>
    <message>
        <source>Delete “{preview}”? It is deleted at VoIP.ms too and cannot be restored.</source>
        <translation>Supprimer «&#xa0;{preview}&#xa0;»? Il est aussi supprimé chez VoIP.ms et ne pourra pas être restauré.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Downloading the pictures…</source>
        <translation>Téléchargement des images…</translation>
    </message>
    <message>
        <source>The pictures could not be downloaded; Switchboard will try again later.</source>
        <translation>Les images n’ont pas pu être téléchargées; Switchboard réessaiera plus tard.</translation>
    </message>
</context>
<context>
    <name>ConversationListPanel</name>
    <message>
        <source>All my numbers</source>
        <translation>Tous mes numéros</translation>
    </message>
    <message>
        <source>New conversation…</source>
        <translation>Nouvelle conversation…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Fetch new messages now</source>
        <translation>Obtenir les nouveaux messages maintenant</translation>
    </message>
    <message>
        <source>No conversations yet. Messages appear here after the first sync, or start one with “New conversation…”.</source>
        <translation>Aucune conversation pour l’instant. Les messages apparaissent ici après la première synchronisation, ou commencez-en une avec «&#xa0;Nouvelle conversation…&#xa0;».</translation>
    </message>
    <message>
        <source>Only {number}</source>
        <translation>Seulement le {number}</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Image · {text}</source>
        <translation>Image · {text}</translation>
    </message>
    <message>
        <source>You: {text}</source>
        <translation>Vous&#xa0;: {text}</translation>
    </message>
    <message>
        <source>{contact} · via {number}</source>
        <translation>{contact} · par le {number}</translation>
    </message>
    <message numerus="yes">
        <source>, %n unread</source>
        <translation>
            <numerusform>, %n non lu</numerusform>
            <numerusform>, %n non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>to …{digits}</source>
        <translation>au …{digits}</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Mark unread</source>
        <translation>Marquer comme non lu</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save this conversation as CSV or text</source>
        <translation>Enregistrer cette conversation en CSV ou en texte</translation>
    </message>
    <message>
        <source>Choose a conversation on the left, or start a new one.</source>
        <translation>Choisissez une conversation à gauche, ou commencez-en une nouvelle.</translation>
    </message>
    <message>
        <source>{contact} · via your number {number}</source>
        <translation>{contact} · par votre numéro {number}</translation>
    </message>
    <message>
        <source>via your number {number}</source>
        <translation>par votre numéro {number}</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Select text</source>
        <translation>Sélectionner le texte</translation>
    </message>
    <message>
        <source>Open image {number}</source>
        <translation>Ouvrir l’image {number}</translation>
    </message>
    <message>
        <source>Download pictures again</source>
        <translation>Télécharger les images de nouveau</translation>
    </message>
    <message>
        <source>Delete message…</source>
        <translation>Supprimer le message…</translation>
    </message>
</context>
<context>
    <name>DesktopSection</name>
    <message>
        <source>Desktop</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Start Switchboard when I log in</source>
        <translation>Démarrer Switchboard à l’ouverture de session</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window closes</source>
        <translation>Rester dans la zone de notification quand la fenêtre se ferme</translation>
    </message>
    <message>
        <source>Could not add the start-at-login entry ({where}): {reason}.</source>
        <translation>Impossible d’ajouter l’entrée de démarrage automatique ({where})&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Could not remove the start-at-login entry ({where}): {reason}.</source>
        <translation>Impossible de retirer l’entrée de démarrage automatique ({where})&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>DidEditDialog</name>
    <message>
        <source>Edit {title}</source>
        <translation>Modifier le {title}</translation>
    </message>
    <message>
        <source>{name} (recommended)</source>
        <translation>{name} (recommandé)</translation>
    </message>
    <message>
        <source>POP {pop} (current)</source>
        <translation>POP {pop} (actuel)</translation>
    </message>
    <message>
        <source>No voicemail</source>
        <translation>Aucune messagerie vocale</translation>
    </message>
    <message>
        <source>{voicemail} (not in list)</source>
        <translation>{voicemail} (absent de la liste)</translation>
    </message>
    <message>
        <source>Ring for, in seconds</source>
        <translation>Durée de sonnerie, en secondes</translation>
    </message>
    <message>
        <source>How long your phones ring before “If no answer” takes over ({low} to {high} seconds)</source>
        <translation>Durée de sonnerie de vos téléphones avant que «&#xa0;Si pas de réponse&#xa0;» prenne le relais ({low} à {high} secondes)</translation>
    </message>
    <message>
        <source>Show callers&apos; names (CNAM lookup)</source>
        <translation>Afficher le nom des appelants (recherche CNAM)</translation>
    </message>
    <message>
        <source>Look up the name registered for the caller&apos;s number and show it on your phones (VoIP.ms may charge per lookup)</source>
        <translation>Chercher le nom enregistré pour le numéro de l’appelant et l’afficher sur vos téléphones (VoIP.ms peut facturer chaque recherche)</translation>
    </message>
    <message>
        <source>A word shown before the caller&apos;s name on your phones, so you know which number they called</source>
        <translation>Un mot affiché devant le nom de l’appelant sur vos téléphones, pour savoir quel numéro il a composé</translation>
    </message>
    <message>
        <source>The VoIP.ms server (point of presence) that handles this number&apos;s calls: the one nearest your phones sounds best</source>
        <translation>Le serveur VoIP.ms (point de présence) qui traite les appels de ce numéro&#xa0;: le plus proche de vos téléphones offre le meilleur son</translation>
    </message>
    <message>
        <source>For you, e.g. Main line</source>
        <translation>Pour vous, p. ex. Ligne principale</translation>
    </message>
    <message>
        <source>Calls &amp;go to</source>
        <translation>Les appels &amp;vont à</translation>
    </message>
    <message>
        <source>If no &amp;answer</source>
        <translation>Si pas de &amp;réponse</translation>
    </message>
    <message>
        <source>If &amp;busy</source>
        <translation>Si &amp;occupé</translation>
    </message>
    <message>
        <source>If &amp;unreachable</source>
        <translation>Si &amp;injoignable</translation>
    </message>
    <message>
        <source>&amp;Ring for</source>
        <translation>&amp;Sonner pendant</translation>
    </message>
    <message>
        <source>&amp;Voicemail box</source>
        <translation>&amp;Boîte vocale</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>When the phone is offline or cannot be reached</source>
        <translation>Quand le téléphone est hors ligne ou injoignable</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Server (POP)</source>
        <translation>Serveur (POP)</translation>
    </message>
    <message>
        <source>Call targets for technical set-ups (SIP address, call back, DISA) and the line tests are now offered in the lists above.</source>
        <translation>Les destinations pour les configurations techniques (adresse SIP, rappel, DISA) et les tests de ligne sont maintenant offerts dans les listes ci-dessus.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>{short}
Press “Save anyway” to keep it.</source>
        <translation>{short}
Appuyez sur «&#xa0;Enregistrer quand même&#xa0;» pour la garder.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message>
        <source>Shown before the caller&apos;s name, e.g. SALES</source>
        <translation>Affiché devant le nom de l’appelant, p. ex. VENTES</translation>
    </message>
    <message>
        <source>Caller-ID prefix</source>
        <translation>Préfixe de l’afficheur</translation>
    </message>
</context>
<context>
    <name>DidTableModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Acheminement</translation>
    </message>
    <message>
        <source>If busy</source>
        <translation>Si occupé</translation>
    </message>
    <message>
        <source>If unreachable</source>
        <translation>Si injoignable</translation>
    </message>
    <message>
        <source>If no answer</source>
        <translation>Si pas de réponse</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Ring for</source>
        <translation>Faire sonner pendant</translation>
    </message>
    <message>
        <source>Caller names</source>
        <translation>Nom des appelants</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Textos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Saving: {change}</source>
        <translation>Enregistrement&#xa0;: {change}</translation>
    </message>
    <message>
        <source>POP {pop}</source>
        <translation>POP {pop}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}&#xa0;s</translation>
    </message>
</context>
<context>
    <name>EditPhoneDialog</name>
    <message>
        <source>Edit {label}</source>
        <translation>Modifier {label}</translation>
    </message>
    <message>
        <source>The number people see when this phone calls</source>
        <translation>Le numéro que les gens voient quand ce téléphone appelle</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>Codecs</translation>
    </message>
    <message>
        <source>Only allow calls through these servers</source>
        <translation>N’autoriser les appels que par ces serveurs</translation>
    </message>
    <message>
        <source>Allowed servers</source>
        <translation>Serveurs autorisés</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Record every call of this phone</source>
        <translation>Enregistrer tous les appels de ce téléphone</translation>
    </message>
    <message>
        <source>Transcribe calls and e-mail the text</source>
        <translation>Transcrire les appels et envoyer le texte par courriel</translation>
    </message>
    <message>
        <source>Transcription language</source>
        <translation>Langue de transcription</translation>
    </message>
    <message>
        <source>Transcription e-mail</source>
        <translation>Courriel de transcription</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Caller ID number:</source>
        <translation>Numéro affiché&#xa0;:</translation>
    </message>
    <message>
        <source>Codecs (audio formats):</source>
        <translation>Codecs (formats audio)&#xa0;:</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>Serveurs&#xa0;:</translation>
    </message>
    <message>
        <source>Voice prompts language:</source>
        <translation>Langue des messages vocaux&#xa0;:</translation>
    </message>
    <message>
        <source>Transcription language:</source>
        <translation>Langue de transcription&#xa0;:</translation>
    </message>
    <message>
        <source>Send transcripts to:</source>
        <translation>Envoyer les transcriptions à&#xa0;:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>FailureBar</name>
    <message>
        <source>the recipient</source>
        <translation>le destinataire</translation>
    </message>
    <message>
        <source>the provider reports “{status}”</source>
        <translation>le fournisseur indique «&#xa0;{status}&#xa0;»</translation>
    </message>
    <message>
        <source>Not sent to {to}: {reason}.</source>
        <translation>Non envoyée au {to}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Why the fax was not sent</source>
        <translation>Pourquoi la télécopie n’a pas été envoyée</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>Renvoyer…</translation>
    </message>
    <message>
        <source>Open a new fax to the same number with the same document</source>
        <translation>Ouvrir une nouvelle télécopie au même numéro avec le même document</translation>
    </message>
</context>
<context>
    <name>FaxActionsMixin</name>
    <message>
        <source>Move to ▾</source>
        <translation>Déplacer vers ▾</translation>
    </message>
    <message>
        <source>Move the fax to another folder</source>
        <translation>Déplacer la télécopie dans un autre dossier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the fax (Delete)</source>
        <translation>Supprimer la télécopie (Suppr)</translation>
    </message>
    <message>
        <source>E-mail…</source>
        <translation>Courriel…</translation>
    </message>
    <message>
        <source>Send the fax as a PDF by e-mail</source>
        <translation>Envoyer la télécopie en PDF par courriel</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer le PDF…</translation>
    </message>
    <message>
        <source>Save the fax as a PDF file</source>
        <translation>Enregistrer la télécopie en fichier PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print the fax</source>
        <translation>Imprimer la télécopie</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <source>Moving the fax to {name}…</source>
        <translation>Déplacement de la télécopie vers {name}…</translation>
    </message>
    <message>
        <source>Moved {fax} to {name}.</source>
        <translation>{fax} déplacée vers {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {fax} ({pages})? It is deleted at VoIP.ms too.</source>
        <translation>Supprimer {fax} ({pages})? Elle est aussi supprimée chez VoIP.ms.</translation>
    </message>
    <message>
        <source>Delete fax</source>
        <translation>Supprimer la télécopie</translation>
    </message>
    <message>
        <source>Deleting the fax…</source>
        <translation>Suppression de la télécopie…</translation>
    </message>
    <message>
        <source>Deleted {fax}.</source>
        <translation>{fax} supprimée.</translation>
    </message>
    <message>
        <source>E-mail the fax</source>
        <translation>Envoyer la télécopie par courriel</translation>
    </message>
    <message>
        <source>Send {fax} as a PDF to this e-mail address:</source>
        <translation>Envoyer {fax} en PDF à cette adresse courriel&#xa0;:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Sending the e-mail…</source>
        <translation>Envoi du courriel…</translation>
    </message>
    <message>
        <source>E-mailed {fax} to {email}.</source>
        <translation>{fax} envoyée par courriel à {email}.</translation>
    </message>
    <message>
        <source>Saving the fax…</source>
        <translation>Enregistrement de la télécopie…</translation>
    </message>
    <message>
        <source>Could not save the fax as {name}: {value}.</source>
        <translation>Impossible d’enregistrer la télécopie sous {name}&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>Saved {fax} as {target}.</source>
        <translation>{fax} enregistrée sous {target}.</translation>
    </message>
    <message>
        <source>Fax {id}</source>
        <translation>Télécopie {id}</translation>
    </message>
    <message>
        <source>Printing the fax…</source>
        <translation>Impression de la télécopie…</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>%n page envoyée à l’imprimante.</numerusform>
            <numerusform>%n pages envoyées à l’imprimante.</numerusform>
        </translation>
    </message>
    <message>
        <source>New fax folder</source>
        <translation>Nouveau dossier de télécopies</translation>
    </message>
    <message>
        <source>Name of the new folder:</source>
        <translation>Nom du nouveau dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Creating the folder…</source>
        <translation>Création du dossier…</translation>
    </message>
    <message>
        <source>Rename fax folder</source>
        <translation>Renommer le dossier de télécopies</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>Nouveau nom pour «&#xa0;{name}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Renaming the folder…</source>
        <translation>Renommage du dossier…</translation>
    </message>
    <message>
        <source>Delete the folder “{name}”?</source>
        <translation>Supprimer le dossier «&#xa0;{name}&#xa0;»?</translation>
    </message>
    <message>
        <source>Delete fax folder</source>
        <translation>Supprimer le dossier de télécopies</translation>
    </message>
    <message>
        <source>Deleting the folder…</source>
        <translation>Suppression du dossier…</translation>
    </message>
    <message>
        <source>Replace the fax you were writing with this one?</source>
        <translation>Remplacer la télécopie que vous rédigiez par celle-ci?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Preparing the fax again…</source>
        <translation>Nouvelle préparation de la télécopie…</translation>
    </message>
    <message>
        <source>Could not prepare the fax again: {value}.</source>
        <translation>Impossible de préparer la télécopie de nouveau&#xa0;: {value}.</translation>
    </message>
</context>
<context>
    <name>FaxDialogs</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Attach documents to the fax</source>
        <translation>Joindre des documents à la télécopie</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save fax as PDF</source>
        <translation>Enregistrer la télécopie en PDF</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Print fax</source>
        <translation>Imprimer la télécopie</translation>
    </message>
</context>
<context>
    <name>FaxTab</name>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>6 derniers mois</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <source>Select a fax to see it here.</source>
        <translation>Sélectionnez une télécopie pour la voir ici.</translation>
    </message>
    <message>
        <source>Send a fax…</source>
        <translation>Envoyer une télécopie…</translation>
    </message>
    <message>
        <source>Compose a fax from PDF, text or image files</source>
        <translation>Composer une télécopie à partir de fichiers PDF, texte ou image</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Faxes</source>
        <translation>Télécopies</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>The fax to {number} that was being sent when Switchboard stopped went out: it is in Sent.</source>
        <translation>La télécopie au {number} qui était en cours d’envoi quand Switchboard s’est arrêté est partie&#xa0;: elle est dans Envoyées.</translation>
    </message>
    <message>
        <source>That fax is no longer being sent.</source>
        <translation>Cette télécopie n’est plus en cours d’envoi.</translation>
    </message>
    <message>
        <source>Sending the fax…</source>
        <translation>Envoi de la télécopie…</translation>
    </message>
    <message>
        <source>Discarding…</source>
        <translation>Abandon…</translation>
    </message>
    <message>
        <source>Checking unconfirmed faxes…</source>
        <translation>Vérification des télécopies non confirmées…</translation>
    </message>
    <message numerus="yes">
        <source>%n fax(es)</source>
        <translation>
            <numerusform>%n télécopie</numerusform>
            <numerusform>%n télécopies</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading faxes…</source>
        <translation>Chargement des télécopies…</translation>
    </message>
    <message>
        <source>No faxes in “{folder}” in the {period}.</source>
        <translation>Aucune télécopie dans «&#xa0;{folder}&#xa0;» ({period}).</translation>
    </message>
    <message>
        <source>Loading the fax…</source>
        <translation>Chargement de la télécopie…</translation>
    </message>
    <message>
        <source>This fax could not be loaded. Select it to try again.</source>
        <translation>Cette télécopie n’a pas pu être chargée. Sélectionnez-la pour réessayer.</translation>
    </message>
    <message>
        <source>Opening the fax…</source>
        <translation>Ouverture de la télécopie…</translation>
    </message>
    <message>
        <source>Checking for faxes failed: {text}</source>
        <translation>La vérification des télécopies a échoué&#xa0;: {text}</translation>
    </message>
</context>
<context>
    <name>FolderList</name>
    <message>
        <source>&lt;b&gt;Folders&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dossiers&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Fax folders</source>
        <translation>Dossiers de télécopies</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <source>Create a fax folder</source>
        <translation>Créer un dossier de télécopies</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Rename the selected folder</source>
        <translation>Renommer le dossier sélectionné</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected folder (it must be empty)</source>
        <translation>Supprimer le dossier sélectionné (il doit être vide)</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Chargement de l’image…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Cette image ne peut pas être affichée.</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Enregistrer l’image</translation>
    </message>
    <message>
        <source>Image (*{suffix})</source>
        <translation>Image (*{suffix})</translation>
    </message>
    <message>
        <source>The image could not be saved to {target}: {value}.</source>
        <translation>L’image n’a pas pu être enregistrée dans {target}&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>Image saved to {target}.</source>
        <translation>Image enregistrée dans {target}.</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Advanced: show the rows as VoIP.ms sent them</source>
        <translation>Avancé&#xa0;: afficher les lignes telles que VoIP.ms les a envoyées</translation>
    </message>
    <message>
        <source>Refresh this list</source>
        <translation>Actualiser cette liste</translation>
    </message>
    <message>
        <source>Refresh all lists</source>
        <translation>Actualiser toutes les listes</translation>
    </message>
    <message>
        <source>Lists are available once signed in.</source>
        <translation>Les listes sont disponibles une fois connecté.</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard keeps a copy of these lists from VoIP.ms, so time zones, servers and routing choices work offline. Copies are refreshed in the background when they are more than %n day(s) old.</source>
        <translation>
            <numerusform>Switchboard conserve une copie de ces listes de VoIP.ms, pour que les fuseaux horaires, les serveurs et les choix d’acheminement fonctionnent hors ligne. Les copies sont actualisées en arrière-plan quand elles ont plus de %n jour.</numerusform>
            <numerusform>Switchboard conserve une copie de ces listes de VoIP.ms, pour que les fuseaux horaires, les serveurs et les choix d’acheminement fonctionnent hors ligne. Les copies sont actualisées en arrière-plan quand elles ont plus de %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a list to see its entries.</source>
        <translation>Choisissez une liste pour voir ses entrées.</translation>
    </message>
    <message>
        <source>{label}: never fetched. “Refresh this list” fetches it from VoIP.ms.</source>
        <translation>{label}&#xa0;: jamais récupérée. «&#xa0;Actualiser cette liste&#xa0;» la récupère de VoIP.ms.</translation>
    </message>
    <message>
        <source>{label}: {entries}, {age}.</source>
        <translation>{label}&#xa0;: {entries}, {age}.</translation>
    </message>
    <message>
        <source> The last refresh failed ({error}); this is the older copy.</source>
        <translation> La dernière actualisation a échoué ({error}); ceci est la copie précédente.</translation>
    </message>
    <message>
        <source>Fetching {name}…</source>
        <translation>Récupération de la liste {name}…</translation>
    </message>
    <message>
        <source>Fetching {names}…</source>
        <translation>Récupération de {names}…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Refreshing all lists…</source>
        <translation>Actualisation de toutes les listes…</translation>
    </message>
    <message>
        <source>Refresh stopped. The lists not reached yet keep their copies.</source>
        <translation>Actualisation arrêtée. Les listes pas encore atteintes gardent leurs copies.</translation>
    </message>
    <message>
        <source>All lists refreshed.</source>
        <translation>Toutes les listes sont à jour.</translation>
    </message>
    <message>
        <source>Could not refresh: {failed} (the older copies are kept).</source>
        <translation>Actualisation impossible&#xa0;: {failed} (les copies précédentes sont conservées).</translation>
    </message>
</context>
<context>
    <name>MailboxDialog</name>
    <message>
        <source>Mailbox {mailbox} settings</source>
        <translation>Réglages de la boîte vocale {mailbox}</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Attach the recording to the e-mail</source>
        <translation>Joindre l’enregistrement au courriel</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Transcribe messages</source>
        <translation>Transcrire les messages</translation>
    </message>
    <message>
        <source>Transcription language</source>
        <translation>Langue de transcription</translation>
    </message>
    <message>
        <source>Mailbox:</source>
        <translation>Boîte vocale&#xa0;:</translation>
    </message>
    <message>
        <source>E-mail new messages to:</source>
        <translation>Envoyer les nouveaux messages par courriel à&#xa0;:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Transcription language:</source>
        <translation>Langue de transcription&#xa0;:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>MailboxTree</name>
    <message>
        <source>Mailboxes and folders</source>
        <translation>Boîtes vocales et dossiers</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Switchboard — {account_label}</source>
        <translation>Switchboard — {account_label}</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh &amp;everything</source>
        <translation>&amp;Tout actualiser</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch account…</source>
        <translation>Se &amp;déconnecter / changer de compte…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>À &amp;propos de Switchboard</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>Refreshing from VoIP.ms…</source>
        <translation>Actualisation depuis VoIP.ms…</translation>
    </message>
    <message>
        <source>internal error ({name})</source>
        <translation>erreur interne ({name})</translation>
    </message>
    <message>
        <source>Showing saved data</source>
        <translation>Données enregistrées affichées</translation>
    </message>
    <message>
        <source>Up to date · {stamp}</source>
        <translation>À jour · {stamp}</translation>
    </message>
    <message>
        <source>Refreshed at {stamp} with problems</source>
        <translation>Actualisé à {stamp}, avec des problèmes</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (et %n autre)</numerusform>
            <numerusform> (et %n autres)</numerusform>
        </translation>
    </message>
    <message>
        <source>under the {amount} warning level</source>
        <translation>sous le seuil d’alerte de {amount}</translation>
    </message>
    <message>
        <source>{days} at the recent pace</source>
        <translation>{days} au rythme récent</translation>
    </message>
    <message>
        <source>Low VoIP.ms balance</source>
        <translation>Solde VoIP.ms bas</translation>
    </message>
    <message>
        <source>The balance is {amount}, {reason}.</source>
        <translation>Le solde est de {amount}, {reason}.</translation>
    </message>
    <message>
        <source>Balance: {message}</source>
        <translation>Solde&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Refreshing {title}…</source>
        <translation>Actualisation de l’onglet {title}…</translation>
    </message>
    <message>
        <source>Refreshing everything…</source>
        <translation>Actualisation de tout…</translation>
    </message>
    <message>
        <source>Sign out of this account? The saved password is removed from this computer; the cached messages and voicemail of the account stay until you sign in again.</source>
        <translation>Se déconnecter de ce compte? Le mot de passe enregistré est retiré de cet ordinateur; les messages et la messagerie vocale en cache restent jusqu’à votre prochaine connexion.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>À propos de Switchboard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Switchboard {version}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Switchboard {version}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Voicemail, messages, fax, numbers and balance of a VoIP.ms account in one window.
Not affiliated with VoIP.ms.</source>
        <translation>Messagerie vocale, textos, télécopies, numéros et solde d’un compte VoIP.ms dans une seule fenêtre.
Sans lien avec VoIP.ms.</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Play</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <source>Play the selected message (Enter)</source>
        <translation>Écouter le message sélectionné (Entrée)</translation>
    </message>
    <message>
        <source>Mark as heard</source>
        <translation>Marquer comme écouté</translation>
    </message>
    <message>
        <source>Mark heard or not heard (Ctrl+M)</source>
        <translation>Marquer comme écouté ou non (Ctrl+M)</translation>
    </message>
    <message>
        <source>Mark urgent</source>
        <translation>Marquer urgent</translation>
    </message>
    <message>
        <source>Mark urgent or not urgent (Ctrl+U)</source>
        <translation>Marquer urgent ou non (Ctrl+U)</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <source>Move the message to another folder</source>
        <translation>Déplacer le message dans un autre dossier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the message (Delete)</source>
        <translation>Supprimer le message (Suppr)</translation>
    </message>
    <message>
        <source>Save audio…</source>
        <translation>Enregistrer l’audio…</translation>
    </message>
    <message>
        <source>Save the recording as MP3 or WAV (Ctrl+S)</source>
        <translation>Enregistrer l’enregistrement en MP3 ou WAV (Ctrl+S)</translation>
    </message>
    <message>
        <source>E-mail…</source>
        <translation>Courriel…</translation>
    </message>
    <message>
        <source>Send the recording by e-mail</source>
        <translation>Envoyer l’enregistrement par courriel</translation>
    </message>
    <message>
        <source>Move to ▾</source>
        <translation>Déplacer vers ▾</translation>
    </message>
    <message>
        <source>Mark as not heard</source>
        <translation>Marquer comme non écouté</translation>
    </message>
    <message>
        <source>Not urgent</source>
        <translation>Non urgent</translation>
    </message>
</context>
<context>
    <name>MessageCommands</name>
    <message>
        <source>Delete voicemail</source>
        <translation>Supprimer le message vocal</translation>
    </message>
    <message>
        <source>Marking as heard…</source>
        <translation>Marquage comme écouté…</translation>
    </message>
    <message>
        <source>Marking as not heard…</source>
        <translation>Marquage comme non écouté…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Moving to {folder}…</source>
        <translation>Déplacement vers {folder}…</translation>
    </message>
    <message>
        <source>Delete the voicemail from {caller} ({when})? This cannot be undone.</source>
        <translation>Supprimer le message vocal de {caller} ({when})? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting voicemail…</source>
        <translation>Suppression du message vocal…</translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation>Enregistrement du fichier audio…</translation>
    </message>
    <message>
        <source>Saved to {saved}</source>
        <translation>Enregistré dans {saved}</translation>
    </message>
    <message>
        <source>Sending e-mail…</source>
        <translation>Envoi du courriel…</translation>
    </message>
    <message>
        <source>Voicemail sent to {address}</source>
        <translation>Message vocal envoyé à {address}</translation>
    </message>
</context>
<context>
    <name>MessageDialogs</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Attach up to {limit} images</source>
        <translation>Joindre jusqu’à {limit} images</translation>
    </message>
</context>
<context>
    <name>MessagesTab</name>
    <message>
        <source>Fetching messages…</source>
        <translation>Récupération des messages…</translation>
    </message>
    <message>
        <source>Message sync cancelled; what was fetched is kept.</source>
        <translation>Synchronisation des messages annulée; ce qui a été récupéré est conservé.</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source>Type the phone number to write to.</source>
        <translation>Tapez le numéro de téléphone du destinataire.</translation>
    </message>
    <message>
        <source>A North American number has 10 digits, e.g. (555)&#xa0;123-4567.</source>
        <translation>Un numéro nord-américain compte 10 chiffres, p. ex. (555)&#xa0;123-4567.</translation>
    </message>
    <message>
        <source>{number} is not a valid North American number.</source>
        <translation>Le {number} n’est pas un numéro nord-américain valide.</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n new notification(s)</source>
        <translation>
            <numerusform>%n nouvelle notification</numerusform>
            <numerusform>%n nouvelles notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>…and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
</context>
<context>
    <name>NumbersTab</name>
    <message>
        <source>Some target names could not be loaded: {problem}</source>
        <translation>Certains noms de destinations n’ont pas pu être chargés&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Loading numbers…</source>
        <translation>Chargement des numéros…</translation>
    </message>
    <message>
        <source>Reroute</source>
        <translation>Rediriger</translation>
    </message>
    <message>
        <source>Reroute numbers</source>
        <translation>Rediriger les numéros</translation>
    </message>
    <message>
        <source>Routing {number} to {target}…</source>
        <translation>Redirection du {number} vers {target}…</translation>
    </message>
    <message>
        <source>Routing {count} numbers to {target}…</source>
        <translation>Redirection de {count} numéros vers {target}…</translation>
    </message>
    <message>
        <source>No preset {number}: presets are numbered in the Presets menu ({count} saved).</source>
        <translation>Aucun préréglage {number}&#xa0;: les préréglages sont numérotés dans le menu Préréglages ({count} enregistrés).</translation>
    </message>
    <message>
        <source>“{name}” is already in effect: nothing to change.</source>
        <translation>«&#xa0;{name}&#xa0;» est déjà en vigueur&#xa0;: rien à changer.</translation>
    </message>
    <message>
        <source>Applying “{name}”…</source>
        <translation>Application de «&#xa0;{name}&#xa0;»…</translation>
    </message>
    <message>
        <source>“{name}”: {lists}</source>
        <translation>«&#xa0;{name}&#xa0;»&#xa0;: {lists}</translation>
    </message>
    <message>
        <source>Saving {number}…</source>
        <translation>Enregistrement du {number}…</translation>
    </message>
    <message>
        <source>{number} saved.</source>
        <translation>{number} enregistré.</translation>
    </message>
    <message>
        <source>These were changed again since; undoing puts the earlier values back over them:</source>
        <translation>Ces valeurs ont été modifiées depuis; annuler remettra les valeurs précédentes par-dessus&#xa0;:</translation>
    </message>
    <message>
        <source>Undo anyway</source>
        <translation>Annuler quand même</translation>
    </message>
    <message>
        <source>Undo an older change</source>
        <translation>Annuler une modification plus ancienne</translation>
    </message>
    <message>
        <source>Nothing to undo yet: changes made here can be undone, also from the change log.</source>
        <translation>Rien à annuler pour l’instant&#xa0;: les modifications faites ici peuvent être annulées, aussi depuis le journal des modifications.</translation>
    </message>
    <message>
        <source>Undoing the change…</source>
        <translation>Annulation de la modification…</translation>
    </message>
    <message>
        <source>{number}{name}: now {route}</source>
        <translation>{number}{name}&#xa0;: actuellement {route}</translation>
    </message>
    <message>
        <source>Route {count} numbers to {target}?</source>
        <translation>Acheminer {count} numéros vers {target}?</translation>
    </message>
    <message>
        <source>Route this number to {target}?</source>
        <translation>Acheminer ce numéro vers {target}?</translation>
    </message>
</context>
<context>
    <name>NumbersToolbar</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>&amp;Route calls to</source>
        <translation>&amp;Acheminer les appels vers</translation>
    </message>
    <message>
        <source>Send the selected numbers&apos; calls somewhere else</source>
        <translation>Envoyer ailleurs les appels des numéros sélectionnés</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Préréglages</translation>
    </message>
    <message>
        <source>Saved reroutes, e.g. “After hours” (Ctrl+1 to Ctrl+9 apply the first nine)</source>
        <translation>Redirections enregistrées, p. ex. «&#xa0;Après les heures&#xa0;» (Ctrl+1 à Ctrl+9 appliquent les neuf premières)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Failovers, POP, voicemail, dial time, CNAM, note</source>
        <translation>Relais, POP, messagerie vocale, durée de sonnerie, CNAM, note</translation>
    </message>
    <message>
        <source>Filter numbers…</source>
        <translation>Filtrer les numéros…</translation>
    </message>
</context>
<context>
    <name>OfflineBar</name>
    <message>
        <source>Offline: sign in to refresh. What you see is what Switchboard saved the last time; nothing is sent or changed until you sign in.</source>
        <translation>Hors ligne&#xa0;: connectez-vous pour actualiser. Ce que vous voyez est ce que Switchboard a enregistré la dernière fois; rien n’est envoyé ni modifié avant votre connexion.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Enter the API password to refresh and make changes</source>
        <translation>Entrez le mot de passe API pour actualiser et faire des modifications</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>the file is missing</source>
        <translation>le fichier est introuvable</translation>
    </message>
    <message>
        <source>it is not a valid PDF</source>
        <translation>ce n’est pas un PDF valide</translation>
    </message>
    <message>
        <source>it is password-protected</source>
        <translation>il est protégé par un mot de passe</translation>
    </message>
    <message>
        <source>it is encrypted</source>
        <translation>il est chiffré</translation>
    </message>
    <message>
        <source>it is incomplete</source>
        <translation>il est incomplet</translation>
    </message>
    <message>
        <source>it has no pages</source>
        <translation>il n’a aucune page</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Rien à afficher.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>of 0</source>
        <translation>sur 0</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Fit page width</source>
        <translation>Ajuster à la largeur de la page</translation>
    </message>
    <message>
        <source>Show whole page</source>
        <translation>Afficher la page entière</translation>
    </message>
    <message>
        <source>This document cannot be shown: {reason}.</source>
        <translation>Ce document ne peut pas être affiché&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>“{name}” cannot be shown: {reason}.</source>
        <translation>«&#xa0;{name}&#xa0;» ne peut pas être affiché&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Page {number}</source>
        <translation>Page {number}</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>sur {count}</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>{value}&#xa0;%</translation>
    </message>
</context>
<context>
    <name>PendingSendRow</name>
    <message>
        <source>Fax to {number} · {text}</source>
        <translation>Télécopie au {number} · {text}</translation>
    </message>
    <message numerus="yes">
        <source>%n picture(s) · {text}</source>
        <translation>
            <numerusform>%n image · {text}</numerusform>
            <numerusform>%n images · {text}</numerusform>
        </translation>
    </message>
    <message>
        <source>Picture(s)</source>
        <translation>Image(s)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop waiting for VoIP.ms. The message may already have gone out: it is checked, never sent again by itself.</source>
        <translation>Cesser d’attendre VoIP.ms. Le message est peut-être déjà parti&#xa0;: il est vérifié, jamais renvoyé automatiquement.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Vérifier maintenant</translation>
    </message>
    <message>
        <source>{entry}: {state}</source>
        <translation>{entry}&#xa0;: {state}</translation>
    </message>
</context>
<context>
    <name>PhonesModel</name>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Re-registers</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Rings for</source>
        <translation>Sonne pour</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>{number} ({group})</source>
        <translation>{number} ({group})</translation>
    </message>
    <message>
        <source>Last checked {when}</source>
        <translation>Dernière vérification {when}</translation>
    </message>
    <message>
        <source>{number}: routed to this phone</source>
        <translation>{number}&#xa0;: acheminé vers ce téléphone</translation>
    </message>
    <message>
        <source>{number}: rings the ring group “{group}”, this phone among its members</source>
        <translation>{number}&#xa0;: sonne le groupe de sonnerie «&#xa0;{group}&#xa0;», dont ce téléphone fait partie</translation>
    </message>
</context>
<context>
    <name>PhonesTab</name>
    <message>
        <source>Check now</source>
        <translation>Vérifier maintenant</translation>
    </message>
    <message>
        <source>Read the phones and check every registration now</source>
        <translation>Lire les téléphones et vérifier chaque enregistrement maintenant</translation>
    </message>
    <message>
        <source>Set up this phone…</source>
        <translation>Configurer ce téléphone…</translation>
    </message>
    <message>
        <source>Server, username, port and password to type into the phone</source>
        <translation>Serveur, nom d’utilisateur, port et mot de passe à entrer dans le téléphone</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Mailbox settings…</source>
        <translation>Réglages de la boîte vocale…</translation>
    </message>
    <message>
        <source>E-mail, attachment, time zone and transcription of this phone&apos;s voicemail box</source>
        <translation>Courriel, pièce jointe, fuseau horaire et transcription de la boîte vocale de ce téléphone</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>No phones yet: Switchboard is reading your account…</source>
        <translation>Aucun téléphone pour l’instant&#xa0;: Switchboard lit votre compte…</translation>
    </message>
    <message>
        <source> Last checked {when}.</source>
        <translation> Dernière vérification {when}.</translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s)</source>
        <translation>
            <numerusform>%n téléphone</numerusform>
            <numerusform>%n téléphones</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} offline</source>
        <translation>{count} hors ligne</translation>
    </message>
    <message>
        <source>all online</source>
        <translation>tous en ligne</translation>
    </message>
    <message>
        <source>{count}, {state}.{last}</source>
        <translation>{count}, {state}.{last}</translation>
    </message>
    <message>
        <source>Select a phone to set it up or change its settings.</source>
        <translation>Sélectionnez un téléphone pour le configurer ou modifier ses réglages.</translation>
    </message>
    <message>
        <source>registration not checked yet</source>
        <translation>enregistrement pas encore vérifié</translation>
    </message>
    <message>
        <source>registered to {server} from {ip}:{port} over {transport}</source>
        <translation>enregistré sur {server} depuis {ip}:{port} en {transport}</translation>
    </message>
    <message>
        <source>not registered: calls to it go to its failover (voicemail)</source>
        <translation>non enregistré&#xa0;: ses appels vont à son relais (messagerie vocale)</translation>
    </message>
    <message>
        <source>checked {when}</source>
        <translation>vérifié {when}</translation>
    </message>
    <message>
        <source>Checking the phones failed: {text}</source>
        <translation>La vérification des téléphones a échoué&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Checking the phones…</source>
        <translation>Vérification des téléphones…</translation>
    </message>
    <message>
        <source>Reading the phone&apos;s settings…</source>
        <translation>Lecture des réglages du téléphone…</translation>
    </message>
    <message>
        <source>Saving the phone&apos;s settings…</source>
        <translation>Enregistrement des réglages du téléphone…</translation>
    </message>
    <message>
        <source>Saved the settings of {label}.</source>
        <translation>Réglages de {label} enregistrés.</translation>
    </message>
    <message>
        <source>Reading the mailbox settings…</source>
        <translation>Lecture des réglages de la boîte vocale…</translation>
    </message>
    <message>
        <source>Saving the mailbox settings…</source>
        <translation>Enregistrement des réglages de la boîte vocale…</translation>
    </message>
    <message>
        <source>Saved the settings of mailbox {mailbox}.</source>
        <translation>Réglages de la boîte vocale {mailbox} enregistrés.</translation>
    </message>
</context>
<context>
    <name>PlaybackCommands</name>
    <message>
        <source>Fetching the recording from {label}…</source>
        <translation>Récupération de l’enregistrement de {label}…</translation>
    </message>
    <message>
        <source>Fetching voicemail…</source>
        <translation>Récupération de la messagerie vocale…</translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <source>All numbers</source>
        <translation>Tous les numéros</translation>
    </message>
    <message numerus="yes">
        <source>%n numbers</source>
        <translation>
            <numerusform>%n numéro</numerusform>
            <numerusform>%n numéros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply “{name}”? %n number(s) will be routed to {target}:</source>
        <translation>
            <numerusform>Appliquer «&#xa0;{name}&#xa0;»? %n numéro sera acheminé vers {target}&#xa0;:</numerusform>
            <numerusform>Appliquer «&#xa0;{name}&#xa0;»? %n numéros seront acheminés vers {target}&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>• {number} — now: {route}</source>
        <translation>• {number} — actuellement&#xa0;: {route}</translation>
    </message>
    <message numerus="yes">
        <source>• … and %n more</source>
        <translation>
            <numerusform>• … et %n autre</numerusform>
            <numerusform>• … et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Routing presets</source>
        <translation>Préréglages d’acheminement</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Supprimer le préréglage</translation>
    </message>
    <message>
        <source>Apply now…</source>
        <translation>Appliquer maintenant…</translation>
    </message>
    <message>
        <source>Shows which numbers change before anything is sent</source>
        <translation>Montre quels numéros changent avant que rien ne soit envoyé</translation>
    </message>
    <message>
        <source>e.g. After hours</source>
        <translation>p. ex. Après les heures</translation>
    </message>
    <message>
        <source>Only these numbers:</source>
        <translation>Seulement ces numéros&#xa0;:</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Enregistrer le préréglage</translation>
    </message>
    <message>
        <source>New or changed preset</source>
        <translation>Préréglage nouveau ou modifié</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Route calls to</source>
        <translation>Acheminer les appels vers</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>S’applique à</translation>
    </message>
    <message>
        <source>Saved presets</source>
        <translation>Préréglages enregistrés</translation>
    </message>
    <message>
        <source>{name}: {preset}</source>
        <translation>{name}&#xa0;: {preset}</translation>
    </message>
    <message>
        <source>No presets yet. Fill in the form below and save one.</source>
        <translation>Aucun préréglage pour l’instant. Remplissez le formulaire ci-dessous et enregistrez-en un.</translation>
    </message>
    <message>
        <source>Give the preset a name.</source>
        <translation>Donnez un nom au préréglage.</translation>
    </message>
    <message>
        <source>Choose where the calls should go.</source>
        <translation>Choisissez où les appels doivent aller.</translation>
    </message>
    <message>
        <source>Tick at least one number, or choose “All numbers”.</source>
        <translation>Cochez au moins un numéro, ou choisissez «&#xa0;Tous les numéros&#xa0;».</translation>
    </message>
</context>
<context>
    <name>RerouteMenuBuilder</name>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>No action (calls are not answered)</source>
        <translation>Aucune action (les appels restent sans réponse)</translation>
    </message>
    <message>
        <source>None set up on this account</source>
        <translation>Aucun configuré sur ce compte</translation>
    </message>
</context>
<context>
    <name>RoutingEditor</name>
    <message>
        <source>No sub-accounts on this account</source>
        <translation>Aucun sous-compte dans ce compte</translation>
    </message>
    <message>
        <source>No forwardings set up</source>
        <translation>Aucun renvoi configuré</translation>
    </message>
    <message>
        <source>No mailboxes set up</source>
        <translation>Aucune boîte vocale configurée</translation>
    </message>
    <message>
        <source>No SIP URIs set up</source>
        <translation>Aucune URI SIP configurée</translation>
    </message>
    <message>
        <source>No ring groups set up</source>
        <translation>Aucun groupe de sonnerie configuré</translation>
    </message>
    <message>
        <source>No IVRs set up</source>
        <translation>Aucun RVI configuré</translation>
    </message>
    <message>
        <source>No queues set up</source>
        <translation>Aucune file d’attente configurée</translation>
    </message>
    <message>
        <source>No callbacks set up</source>
        <translation>Aucun rappel configuré</translation>
    </message>
    <message>
        <source>No time conditions set up</source>
        <translation>Aucune condition horaire configurée</translation>
    </message>
    <message>
        <source>No DISAs set up</source>
        <translation>Aucun DISA configuré</translation>
    </message>
    <message>
        <source>No recordings uploaded</source>
        <translation>Aucun enregistrement téléversé</translation>
    </message>
    <message>
        <source>Type the number, e.g. (514) 555-0123</source>
        <translation>Tapez le numéro, p. ex. (514) 555-0123</translation>
    </message>
    <message>
        <source>Number to forward to</source>
        <translation>Numéro de renvoi</translation>
    </message>
    <message>
        <source>{keep} (not in list)</source>
        <translation>{keep} (absent de la liste)</translation>
    </message>
    <message>
        <source>Another number…</source>
        <translation>Un autre numéro…</translation>
    </message>
    <message>
        <source>Type a number: the forwarding is created when you save</source>
        <translation>Tapez un numéro&#xa0;: le renvoi est créé à l’enregistrement</translation>
    </message>
    <message>
        <source>Calls are not routed anywhere</source>
        <translation>Les appels ne sont acheminés nulle part</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search names, numbers and messages</source>
        <translation>Chercher des noms, des numéros et des messages</translation>
    </message>
    <message numerus="yes">
        <source>{count} conversation(s)</source>
        <translation>
            <numerusform>{count} conversation</numerusform>
            <numerusform>{count} conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} message(s)</source>
        <translation>
            <numerusform>{count} message</numerusform>
            <numerusform>{count} messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>Rien trouvé pour «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Conversations (newest {shown} of {total})</source>
        <translation>Conversations (les {shown} plus récentes sur {total})</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>last {date}</source>
        <translation>dernier le {date}</translation>
    </message>
    <message>
        <source>Show {step} more ({count} of {total} messages shown)</source>
        <translation>Afficher {step} de plus ({count} messages affichés sur {total})</translation>
    </message>
    <message>
        <source>Load the next page of messages (Enter)</source>
        <translation>Charger la page suivante de messages (Entrée)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Switchboard settings</source>
        <translation>Réglages de Switchboard</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source> min</source>
        <translation>&#xa0;min</translation>
    </message>
    <message>
        <source> days</source>
        <translation>&#xa0;jours</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Afficher les notifications de bureau</translation>
    </message>
    <message>
        <source>Applied the next time Switchboard starts.</source>
        <translation>Appliqué au prochain démarrage de Switchboard.</translation>
    </message>
    <message>
        <source>Refresh balance every</source>
        <translation>Actualiser le solde toutes les</translation>
    </message>
    <message>
        <source>Warn when balance is below</source>
        <translation>Avertir quand le solde est sous</translation>
    </message>
    <message>
        <source>Keep cached lists for</source>
        <translation>Garder les listes en cache pendant</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Account e-mail</source>
        <translation>Courriel du compte</translation>
    </message>
    <message>
        <source>in this computer&apos;s password keyring</source>
        <translation>dans le trousseau de mots de passe de cet ordinateur</translation>
    </message>
    <message>
        <source>in memory for this session only (no keyring available)</source>
        <translation>en mémoire pour cette session seulement (aucun trousseau disponible)</translation>
    </message>
    <message>
        <source>from the VOIPMS_API_* environment variables (not stored)</source>
        <translation>tiré des variables d’environnement VOIPMS_API_* (non enregistré)</translation>
    </message>
    <message>
        <source>API password</source>
        <translation>Mot de passe API</translation>
    </message>
    <message>
        <source>kept {stored}</source>
        <translation>conservé {stored}</translation>
    </message>
    <message>
        <source>Sign out / switch account…</source>
        <translation>Se déconnecter / changer de compte…</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Connect Switchboard to VoIP.ms</source>
        <translation>Connecter Switchboard à VoIP.ms</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your VoIP.ms account&lt;/b&gt;</source>
        <translation>&lt;b&gt;Votre compte VoIP.ms&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Switchboard talks to VoIP.ms through its API. Enter the e-mail address you log in with and the &lt;i&gt;API password&lt;/i&gt; (set under Main Menu &amp;gt; SOAP &amp;amp; REST/JSON API on voip.ms; it is not your portal password).</source>
        <translation>Switchboard communique avec VoIP.ms par son API. Entrez l’adresse courriel avec laquelle vous vous connectez et le &lt;i&gt;mot de passe API&lt;/i&gt; (défini sous Main Menu &amp;gt; SOAP &amp;amp; REST/JSON API sur voip.ms; ce n’est pas le mot de passe de votre portail).</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>vous@exemple.com</translation>
    </message>
    <message>
        <source>API password</source>
        <translation>Mot de passe API</translation>
    </message>
    <message>
        <source>Account e-mail</source>
        <translation>Courriel du compte</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Public IP: not checked yet</source>
        <translation>IP publique&#xa0;: pas encore vérifiée</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Public IP: {ip}</source>
        <translation>IP publique&#xa0;: {ip}</translation>
    </message>
    <message>
        <source>Public IP: unknown</source>
        <translation>IP publique&#xa0;: inconnue</translation>
    </message>
    <message>
        <source>Set up {title}</source>
        <translation>Configurer {title}</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>{host} - {label}</source>
        <translation>{host} - {label}</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Last registered with {transport}.</source>
        <translation>Dernier enregistrement en {transport}.</translation>
    </message>
    <message>
        <source>UDP is what most phones use; choose TLS on port 5061 to encrypt signalling. </source>
        <translation>La plupart des téléphones utilisent UDP; choisissez TLS sur le port 5061 pour chiffrer la signalisation. </translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy {what}</source>
        <translation>Copier&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Server (SIP domain):</source>
        <translation>Serveur (domaine SIP)&#xa0;:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nom d’utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport&#xa0;:</translation>
    </message>
    <message>
        <source>This sub-account signs in by IP address: the phone needs no password.</source>
        <translation>Ce sous-compte se connecte par adresse IP&#xa0;: le téléphone n’a besoin d’aucun mot de passe.</translation>
    </message>
    <message>
        <source>No password is set for this sub-account: set one on the VoIP.ms portal.</source>
        <translation>Aucun mot de passe n’est défini pour ce sous-compte&#xa0;: définissez-en un dans le portail VoIP.ms.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>Onglet &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>Onglet &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Find in this tab</source>
        <translation>&amp;Chercher dans cet onglet</translation>
    </message>
    <message>
        <source>New &amp;conversation…</source>
        <translation>Nouvelle &amp;conversation…</translation>
    </message>
    <message>
        <source>New &amp;fax…</source>
        <translation>Nouvelle &amp;télécopie…</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Showing saved data</source>
        <translation>Données enregistrées affichées</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ThreadModel</name>
    <message>
        <source>Sent {time}: {text}</source>
        <translation>Envoyé {time}&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Received {time}: {text}</source>
        <translation>Reçu {time}&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Put these numbers back as they were (Ctrl+Z)</source>
        <translation>Remettre ces numéros comme ils étaient (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss (the change log still offers Undo)</source>
        <translation>Fermer (le journal des modifications offre toujours l’annulation)</translation>
    </message>
</context>
<context>
    <name>VoicemailTab</name>
    <message>
        <source>Your voicemail boxes appear here after the first refresh.</source>
        <translation>Vos boîtes vocales apparaissent ici après la première actualisation.</translation>
    </message>
    <message>
        <source>This account has no voicemail boxes. Create one in the VoIP.ms customer portal, then refresh.</source>
        <translation>Ce compte n’a aucune boîte vocale. Créez-en une dans le portail client de VoIP.ms, puis actualisez.</translation>
    </message>
    <message>
        <source>Voicemail messages</source>
        <translation>Messages vocaux</translation>
    </message>
    <message>
        <source>Mailbox settings…</source>
        <translation>Réglages de la boîte vocale…</translation>
    </message>
    <message>
        <source>E-mail, attached audio, time zone, language and transcription of this mailbox</source>
        <translation>Courriel, audio joint, fuseau horaire, langue et transcription de cette boîte vocale</translation>
    </message>
    <message>
        <source>That voicemail is no longer in its folder.</source>
        <translation>Ce message vocal n’est plus dans son dossier.</translation>
    </message>
    <message>
        <source>No messages in {folder}.</source>
        <translation>Aucun message dans {folder}.</translation>
    </message>
</context>
<context>
    <name>calls</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>My number</source>
        <translation>Mon numéro</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Manqué</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Main account</source>
        <translation>Compte principal</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Incoming or outgoing</source>
        <translation>Entrant ou sortant</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>↙ In</source>
        <translation>↙ Entrant</translation>
    </message>
    <message>
        <source>↗ Out</source>
        <translation>↗ Sortant</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Incoming call, {outcome}</source>
        <translation>Appel entrant, {outcome}</translation>
    </message>
    <message>
        <source>Outgoing call, {outcome}</source>
        <translation>Appel sortant, {outcome}</translation>
    </message>
    <message>
        <source>To my number {number}</source>
        <translation>Vers mon numéro {number}</translation>
    </message>
    <message>
        <source>From my number {number}</source>
        <translation>De mon numéro {number}</translation>
    </message>
    <message>
        <source>Phone: {account}</source>
        <translation>Téléphone&#xa0;: {account}</translation>
    </message>
    <message>
        <source>Recorded ({length})</source>
        <translation>Enregistré ({length})</translation>
    </message>
    <message>
        <source>The caller left a voicemail (press Enter to open it)</source>
        <translation>L’appelant a laissé un message vocal (appuyez sur Entrée pour l’ouvrir)</translation>
    </message>
    <message>
        <source>● Recorded</source>
        <translation>● Enregistré</translation>
    </message>
    <message>
        <source>✉ Voicemail</source>
        <translation>✉ Message vocal</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Tous les appels</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message>
        <source>{time} talk time</source>
        <translation>{time} de conversation</translation>
    </message>
</context>
<context>
    <name>cannot_start</name>
    <message>
        <source>Switchboard cannot start</source>
        <translation>Switchboard ne peut pas démarrer</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Switchboard hit a bug</source>
        <translation>Switchboard a rencontré un bogue</translation>
    </message>
    <message>
        <source>

The details were written to {path}.</source>
        <translation>

Les détails ont été écrits dans {path}.</translation>
    </message>
    <message>
        <source>Something went wrong inside Switchboard. Your data is safe; the action you started may not have finished.</source>
        <translation>Un problème est survenu dans Switchboard. Vos données sont en sécurité; l’action que vous avez lancée n’a peut-être pas abouti.</translation>
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
    <message>
        <source>at {time}</source>
        <translation>à {time}</translation>
    </message>
    <message>
        <source>on {day} at {time}</source>
        <translation>le {day} à {time}</translation>
    </message>
</context>
<context>
    <name>fax</name>
    <message>
        <source>Inbox</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Received {when}</source>
        <translation>Reçue {when}</translation>
    </message>
    <message>
        <source>Sent {when}</source>
        <translation>Envoyée {when}</translation>
    </message>
    <message>
        <source>From: {sender}</source>
        <translation>De&#xa0;: {sender}</translation>
    </message>
    <message>
        <source>To: {number}</source>
        <translation>À&#xa0;: {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), {duration}</source>
        <translation>
            <numerusform>%n page, {duration}</numerusform>
            <numerusform>%n pages, {duration}</numerusform>
        </translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>État&#xa0;: {status}</translation>
    </message>
</context>
<context>
    <name>fax.compose_merge</name>
    <message>
        <source>Fax documents (*.pdf *.txt *.jpg *.jpeg *.gif *.png *.tif *.tiff)</source>
        <translation>Documents à télécopier (*.pdf *.txt *.jpg *.jpeg *.gif *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <source>“{name}” cannot be faxed: only PDF, text (.txt), JPG, GIF, PNG and TIFF files can be attached.</source>
        <translation>«&#xa0;{name}&#xa0;» ne peut pas être télécopié&#xa0;: seuls les fichiers PDF, texte (.txt), JPG, GIF, PNG et TIFF peuvent être joints.</translation>
    </message>
    <message>
        <source>Attach at least one document to fax.</source>
        <translation>Joignez au moins un document à télécopier.</translation>
    </message>
    <message>
        <source>“{name}” no longer exists or cannot be read.</source>
        <translation>«&#xa0;{name}&#xa0;» n’existe plus ou ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Télécopie</translation>
    </message>
    <message>
        <source>Could not create the fax document in {parent}.</source>
        <translation>Impossible de créer le document à télécopier dans {parent}.</translation>
    </message>
    <message>
        <source>“{name}” cannot be faxed: {error}.</source>
        <translation>«&#xa0;{name}&#xa0;» ne peut pas être télécopié&#xa0;: {error}.</translation>
    </message>
    <message>
        <source>“{name}” has no pages.</source>
        <translation>«&#xa0;{name}&#xa0;» n’a aucune page.</translation>
    </message>
    <message>
        <source>it is password-protected</source>
        <translation>il est protégé par un mot de passe</translation>
    </message>
    <message>
        <source>it is encrypted</source>
        <translation>il est chiffré</translation>
    </message>
    <message>
        <source>it is damaged or not a PDF</source>
        <translation>il est endommagé ou n’est pas un PDF</translation>
    </message>
    <message>
        <source>“{name}” is not a readable image ({value}).</source>
        <translation>«&#xa0;{name}&#xa0;» n’est pas une image lisible ({value}).</translation>
    </message>
    <message>
        <source>Page {value} of “{name}” could not be read.</source>
        <translation>La page {value} de «&#xa0;{name}&#xa0;» n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>“{name}” is empty: there is nothing to fax.</source>
        <translation>«&#xa0;{name}&#xa0;» est vide&#xa0;: il n’y a rien à télécopier.</translation>
    </message>
</context>
<context>
    <name>fax.compose_pages</name>
    <message>
        <source>The typed message is empty: there is nothing to fax.</source>
        <translation>Le message tapé est vide&#xa0;: il n’y a rien à télécopier.</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Pages&#xa0;:</translation>
    </message>
    <message>
        <source>{count} (including this page)</source>
        <translation>{count} (incluant cette page)</translation>
    </message>
    <message>
        <source>The cover note is too long for one page: shorten it.</source>
        <translation>La note de la page couverture est trop longue pour une page&#xa0;: raccourcissez-la.</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Télécopie</translation>
    </message>
    <message>
        <source>Could not create the fax document in {parent}.</source>
        <translation>Impossible de créer le document à télécopier dans {parent}.</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>messages.image_downscale</name>
    <message>
        <source>{name} cannot be read: {value}.</source>
        <translation>{name} ne peut pas être lu&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>{name} is a HEIC photo (the iPhone&apos;s format), which Switchboard cannot send. Export it as JPEG (on the iPhone: Settings &gt; Camera &gt; Formats &gt; Most Compatible) and attach that.</source>
        <translation>{name} est une photo HEIC (le format de l’iPhone), que Switchboard ne peut pas envoyer. Exportez-la en JPEG (sur l’iPhone&#xa0;: Réglages &gt; Appareil photo &gt; Formats &gt; Le plus compatible) et joignez-la.</translation>
    </message>
    <message>
        <source>{name} is not an image Switchboard can read.</source>
        <translation>{name} n’est pas une image que Switchboard peut lire.</translation>
    </message>
    <message>
        <source>{name} could not be made small enough for an MMS.</source>
        <translation>{name} n’a pas pu être réduite assez pour un MMS.</translation>
    </message>
    <message>
        <source>The picture could not be converted to JPEG for sending.</source>
        <translation>L’image n’a pas pu être convertie en JPEG pour l’envoi.</translation>
    </message>
</context>
<context>
    <name>numbers.did_model</name>
    <message>
        <source>No numbers yet. Refresh to load them from VoIP.ms.</source>
        <translation>Aucun numéro pour l’instant. Actualisez pour les charger depuis VoIP.ms.</translation>
    </message>
</context>
<context>
    <name>numbers.presets_dialog</name>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply preset “{name}”</source>
        <translation>Appliquer le préréglage «&#xa0;{name}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>numbers.reroute_menu</name>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Phones (sub-accounts)</source>
        <translation>Téléphones (sous-comptes)</translation>
    </message>
    <message>
        <source>Forward to a number</source>
        <translation>Renvoi à un numéro</translation>
    </message>
    <message>
        <source>SIP addresses</source>
        <translation>Adresses SIP</translation>
    </message>
    <message>
        <source>Several phones (ring groups)</source>
        <translation>Plusieurs téléphones (groupes de sonnerie)</translation>
    </message>
    <message>
        <source>Phone menus (IVR)</source>
        <translation>Menus téléphoniques (RVI)</translation>
    </message>
    <message>
        <source>Waiting lines (queues)</source>
        <translation>Files d’attente</translation>
    </message>
    <message>
        <source>Call backs</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>Opening hours (time conditions)</source>
        <translation>Heures d’ouverture (conditions horaires)</translation>
    </message>
    <message>
        <source>Dial out through this number (DISA)</source>
        <translation>Appeler par ce numéro (DISA)</translation>
    </message>
    <message>
        <source>Play a recording</source>
        <translation>Faire jouer un enregistrement</translation>
    </message>
    <message>
        <source>Hang up or a message</source>
        <translation>Raccrocher ou un message</translation>
    </message>
    <message>
        <source>Route calls to</source>
        <translation>Acheminer les appels vers</translation>
    </message>
    <message>
        <source>Route {count} numbers to</source>
        <translation>Acheminer {count} numéros vers</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Copier le numéro</translation>
    </message>
</context>
<context>
    <name>numbers.toolbar</name>
    <message>
        <source>{text} ▾</source>
        <translation>{text} ▾</translation>
    </message>
    <message numerus="yes">
        <source>  (%n to change)</source>
        <translation>
            <numerusform>  (%n à modifier)</numerusform>
            <numerusform>  (%n à modifier)</numerusform>
        </translation>
    </message>
    <message>
        <source>  (already applied)</source>
        <translation>  (déjà appliqué)</translation>
    </message>
    <message>
        <source>No presets saved yet</source>
        <translation>Aucun préréglage enregistré</translation>
    </message>
    <message>
        <source>Manage presets…</source>
        <translation>Gérer les préréglages…</translation>
    </message>
    <message numerus="yes">
        <source>%n numbers selected</source>
        <translation>
            <numerusform>%n numéro sélectionné</numerusform>
            <numerusform>%n numéros sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>{number}: {route}</source>
        <translation>{number}&#xa0;: {route}</translation>
    </message>
    <message>
        <source>No number matches “{text}”</source>
        <translation>Aucun numéro ne correspond à «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Select numbers to reroute them</source>
        <translation>Sélectionnez des numéros pour les rediriger</translation>
    </message>
</context>
<context>
    <name>numbers.words</name>
    <message>
        <source>A phone (sub-account)</source>
        <translation>Téléphone (sous-compte)</translation>
    </message>
    <message>
        <source>Ring one of your phones or apps (a sub-account of your VoIP.ms account)</source>
        <translation>Faire sonner un de vos téléphones ou applications (un sous-compte de votre compte VoIP.ms)</translation>
    </message>
    <message>
        <source>Forward to a number</source>
        <translation>Renvoi à un numéro</translation>
    </message>
    <message>
        <source>Send the call on to another phone number, e.g. your cell phone</source>
        <translation>Transférer l’appel vers un autre numéro, p. ex. votre cellulaire</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Callers leave a message in a mailbox</source>
        <translation>Les appelants laissent un message dans une boîte vocale</translation>
    </message>
    <message>
        <source>Several phones (ring group)</source>
        <translation>Plusieurs téléphones (groupe de sonnerie)</translation>
    </message>
    <message>
        <source>Ring a group of phones together or one after the other</source>
        <translation>Faire sonner un groupe de téléphones ensemble ou l’un après l’autre</translation>
    </message>
    <message>
        <source>Phone menu (IVR)</source>
        <translation>Menu téléphonique (RVI)</translation>
    </message>
    <message>
        <source>“Press 1 for sales…”: callers choose with the keypad</source>
        <translation>«&#xa0;Faites le 1 pour les ventes…&#xa0;»&#xa0;: les appelants choisissent avec le clavier</translation>
    </message>
    <message>
        <source>Waiting line (queue)</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Callers wait in line with music until someone is free</source>
        <translation>Les appelants attendent en musique qu’une personne se libère</translation>
    </message>
    <message>
        <source>Opening hours (time condition)</source>
        <translation>Heures d’ouverture (condition horaire)</translation>
    </message>
    <message>
        <source>Route by the time of day and day of the week</source>
        <translation>Acheminer selon l’heure et le jour de la semaine</translation>
    </message>
    <message>
        <source>Play a recording</source>
        <translation>Faire jouer un enregistrement</translation>
    </message>
    <message>
        <source>Play a message you uploaded, then hang up</source>
        <translation>Faire jouer un message que vous avez téléversé, puis raccrocher</translation>
    </message>
    <message>
        <source>Hang up or a message</source>
        <translation>Raccrocher ou un message</translation>
    </message>
    <message>
        <source>Hang up, a busy signal or a “not in service” message</source>
        <translation>Raccrocher, un signal occupé ou un message «&#xa0;hors service&#xa0;»</translation>
    </message>
    <message>
        <source>SIP address (advanced)</source>
        <translation>Adresse SIP (avancé)</translation>
    </message>
    <message>
        <source>Send the call to an internet phone address (SIP URI), e.g. a fax gateway</source>
        <translation>Envoyer l’appel vers une adresse de téléphonie Internet (URI SIP), p. ex. une passerelle de télécopie</translation>
    </message>
    <message>
        <source>Call back (advanced)</source>
        <translation>Rappel (avancé)</translation>
    </message>
    <message>
        <source>Hang up and call the caller back (a callback entry)</source>
        <translation>Raccrocher et rappeler l’appelant (une entrée de rappel)</translation>
    </message>
    <message>
        <source>Dial out through this number (DISA, advanced)</source>
        <translation>Appeler par ce numéro (DISA, avancé)</translation>
    </message>
    <message>
        <source>Callers who know the password get a dial tone to call out through your account (Direct Inward System Access)</source>
        <translation>Les appelants qui connaissent le mot de passe obtiennent une tonalité pour appeler par votre compte (Direct Inward System Access)</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Rien</translation>
    </message>
    <message>
        <source>Calls are not routed anywhere</source>
        <translation>Les appels ne sont acheminés nulle part</translation>
    </message>
    <message>
        <source>Keypad tone test (DTMF, advanced)</source>
        <translation>Test des tonalités du clavier (DTMF, avancé)</translation>
    </message>
    <message>
        <source>Sound quality test (echo, advanced)</source>
        <translation>Test de qualité sonore (écho, avancé)</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>The attachment is larger than {value} MB, so it was not downloaded.</source>
        <translation>La pièce jointe dépasse {value}&#xa0;Mo; elle n’a donc pas été téléchargée.</translation>
    </message>
    <message>
        <source>This picture&apos;s link does not point to VoIP.ms, so it was not downloaded.</source>
        <translation>Le lien de cette image ne mène pas à VoIP.ms; elle n’a donc pas été téléchargée.</translation>
    </message>
    <message>
        <source>The attachment is not a picture, video or sound Switchboard can show (the link may have expired).</source>
        <translation>La pièce jointe n’est pas une image, une vidéo ou un son que Switchboard peut afficher (le lien a peut-être expiré).</translation>
    </message>
    <message>
        <source>The image is not available (HTTP {status_code}) yet.</source>
        <translation>L’image n’est pas encore disponible (HTTP {status_code}).</translation>
    </message>
    <message>
        <source>The VoIP.ms server address redirects elsewhere ({location}). Use exactly {DEFAULT_URL} as the server address.</source>
        <translation>L’adresse du serveur VoIP.ms redirige ailleurs ({location}). Utilisez exactement {DEFAULT_URL} comme adresse du serveur.</translation>
    </message>
    <message>
        <source>VoIP.ms answered with an error (HTTP {status_code}). Try again in a few minutes.</source>
        <translation>VoIP.ms a répondu par une erreur (HTTP {status_code}). Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>VoIP.ms sent {problem}. The service may be busy; try again in a few minutes.</source>
        <translation>VoIP.ms a envoyé {problem}. Le service est peut-être occupé; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>Switchboard will not send the API password over plain http:// ({url}): anyone on the network could read it. Use the https:// address ({DEFAULT_URL}).</source>
        <translation>Switchboard n’enverra pas le mot de passe API en http:// simple ({url})&#xa0;: n’importe qui sur le réseau pourrait le lire. Utilisez l’adresse https:// ({DEFAULT_URL}).</translation>
    </message>
    <message>
        <source>Not a web address Switchboard can use for the API: {url}</source>
        <translation>Ce n’est pas une adresse Web que Switchboard peut utiliser pour l’API&#xa0;: {url}</translation>
    </message>
    <message>
        <source>VoIP.ms sent a damaged {what}. Try again in a few minutes.</source>
        <translation>VoIP.ms a envoyé une réponse endommagée ({what}). Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>VoIP.ms sent no audio for this voicemail. Try again in a few minutes.</source>
        <translation>VoIP.ms n’a envoyé aucun son pour ce message vocal. Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>How often the balance in the header is refreshed, in minutes (0 = only on demand).</source>
        <translation>Fréquence d’actualisation du solde dans l’en-tête, en minutes (0 = sur demande seulement).</translation>
    </message>
    <message>
        <source>Warn when the balance falls below this amount in dollars (0 = never warn).</source>
        <translation>Avertir quand le solde passe sous ce montant en dollars (0 = jamais).</translation>
    </message>
    <message>
        <source>How long cached lists (time zones, servers, routing targets...) stay fresh, in days.</source>
        <translation>Durée de validité des listes en cache (fuseaux horaires, serveurs, destinations…), en jours.</translation>
    </message>
    <message>
        <source>Show desktop notifications for new voicemail, messages and faxes.</source>
        <translation>Afficher des notifications de bureau pour les nouveaux messages vocaux, textos et télécopies.</translation>
    </message>
    <message>
        <source>Colour scheme: system, light or dark.</source>
        <translation>Jeu de couleurs&#xa0;: système, clair ou sombre.</translation>
    </message>
    <message>
        <source>Closing the window keeps Switchboard running in the system tray (where there is one), so it can still notify.</source>
        <translation>Fermer la fenêtre laisse Switchboard actif dans la zone de notification (s’il y en a une), pour qu’il puisse encore vous avertir.</translation>
    </message>
    <message>
        <source>Start Switchboard when you log in (an XDG autostart entry on Linux).</source>
        <translation>Démarrer Switchboard à l’ouverture de session (une entrée de démarrage automatique XDG sous Linux).</translation>
    </message>
    <message>
        <source>Language of the window: &apos;system&apos; (the computer&apos;s), &apos;en&apos; or &apos;fr&apos; (applied at next start).</source>
        <translation>Langue de la fenêtre&#xa0;: celle du système, anglais ou français (appliquée au prochain démarrage).</translation>
    </message>
    <message>
        <source>no recent spending</source>
        <translation>aucune dépense récente</translation>
    </message>
    <message>
        <source>less than a day left</source>
        <translation>moins d’une journée restante</translation>
    </message>
    <message>
        <source>about {days} day left</source>
        <translation>environ {days} jour restant</translation>
    </message>
    <message>
        <source>about {days} days left</source>
        <translation>environ {days} jours restants</translation>
    </message>
    <message>
        <source>routing</source>
        <translation>acheminement</translation>
    </message>
    <message>
        <source>busy failover</source>
        <translation>relais si occupé</translation>
    </message>
    <message>
        <source>unreachable failover</source>
        <translation>relais si injoignable</translation>
    </message>
    <message>
        <source>no-answer failover</source>
        <translation>relais si pas de réponse</translation>
    </message>
    <message>
        <source>POP</source>
        <translation>POP</translation>
    </message>
    <message>
        <source>voicemail box</source>
        <translation>boîte vocale</translation>
    </message>
    <message>
        <source>dial time</source>
        <translation>durée de sonnerie</translation>
    </message>
    <message>
        <source>CNAM</source>
        <translation>CNAM</translation>
    </message>
    <message>
        <source>caller-ID prefix</source>
        <translation>préfixe de l’afficheur</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>The note can be at most {count} characters.</source>
        <translation>La note peut compter au plus {count} caractères.</translation>
    </message>
    <message>
        <source>The caller-ID prefix can be at most {count} characters.</source>
        <translation>Le préfixe de l’afficheur peut compter au plus {count} caractères.</translation>
    </message>
    <message>
        <source>The dial time must be between {low} and {high} seconds.</source>
        <translation>La durée de sonnerie doit être entre {low} et {high} secondes.</translation>
    </message>
    <message>
        <source>Choose a target for the {field}.</source>
        <translation>Choisissez une destination pour le champ «&#xa0;{field}&#xa0;».</translation>
    </message>
    <message>
        <source>Main account</source>
        <translation>Compte principal</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Sous-compte</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Renvoyer vers</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>SIP URI</source>
        <translation>URI SIP</translation>
    </message>
    <message>
        <source>Ring group</source>
        <translation>Groupe de sonnerie</translation>
    </message>
    <message>
        <source>IVR</source>
        <translation>RVI</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Time condition</source>
        <translation>Condition horaire</translation>
    </message>
    <message>
        <source>DISA</source>
        <translation>DISA</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <source>Busy signal</source>
        <translation>Signal occupé</translation>
    </message>
    <message>
        <source>No service message</source>
        <translation>Message «&#xa0;aucun service&#xa0;»</translation>
    </message>
    <message>
        <source>Disconnected message</source>
        <translation>Message «&#xa0;numéro hors service&#xa0;»</translation>
    </message>
    <message>
        <source>DTMF test</source>
        <translation>Test DTMF</translation>
    </message>
    <message>
        <source>Sound quality test</source>
        <translation>Test de qualité sonore</translation>
    </message>
    <message>
        <source>{account} (main account)</source>
        <translation>{account} (compte principal)</translation>
    </message>
    <message>
        <source>No action</source>
        <translation>Aucune action</translation>
    </message>
    <message>
        <source>System: {action}</source>
        <translation>Système&#xa0;: {action}</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <source>{kind} {target}</source>
        <translation>{kind} {target}</translation>
    </message>
    <message>
        <source>{kind} (not set)</source>
        <translation>{kind} (non défini)</translation>
    </message>
    <message>
        <source>{kind} #{target}</source>
        <translation>{kind} no {target}</translation>
    </message>
    <message>
        <source>Unknown routing: {text}</source>
        <translation>Acheminement inconnu&#xa0;: {text}</translation>
    </message>
    <message>
        <source>1 character left</source>
        <translation>1 caractère restant</translation>
    </message>
    <message>
        <source>{count} characters left</source>
        <translation>{count} caractères restants</translation>
    </message>
    <message>
        <source>Sent as one long message (MMS)</source>
        <translation>Envoyé en un seul long message (MMS)</translation>
    </message>
    <message>
        <source>Sent as {count} texts</source>
        <translation>Envoyé en {count} textos</translation>
    </message>
    <message>
        <source>Picture message with 1 picture</source>
        <translation>Message avec 1 image</translation>
    </message>
    <message>
        <source>Picture message with {count} pictures</source>
        <translation>Message avec {count} images</translation>
    </message>
    <message>
        <source>Type a message or attach an image first.</source>
        <translation>Tapez d’abord un message ou joignez une image.</translation>
    </message>
    <message>
        <source>A message consisting only of &quot;0&quot; is rejected by VoIP.ms; add some words.</source>
        <translation>Un message composé seulement de «&#xa0;0&#xa0;» est refusé par VoIP.ms; ajoutez quelques mots.</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Appelant inconnu</translation>
    </message>
    <message>
        <source>Missed call</source>
        <translation>Appel manqué</translation>
    </message>
    <message>
        <source>From {callers}</source>
        <translation>De {callers}</translation>
    </message>
    <message>
        <source>{count} missed calls</source>
        <translation>{count} appels manqués</translation>
    </message>
    <message>
        <source>Type a name for the contact.</source>
        <translation>Tapez un nom pour le contact.</translation>
    </message>
    <message>
        <source>This call has no number to save.</source>
        <translation>Cet appel n’a aucun numéro à enregistrer.</translation>
    </message>
    <message>
        <source>Could not add “{name}” ({number}) to the phonebook: {message}</source>
        <translation>Impossible d’ajouter «&#xa0;{name}&#xa0;» ({number}) à l’annuaire&#xa0;: {message}</translation>
    </message>
    <message>
        <source>VoIP.ms sent an empty recording. Try again later.</source>
        <translation>VoIP.ms a envoyé un enregistrement vide. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>Could not save the recording to {target}: {strerror}</source>
        <translation>Impossible d’enregistrer le fichier audio dans {target}&#xa0;: {strerror}</translation>
    </message>
    <message>
        <source>“{email}” is not an e-mail address. Type one like name@example.com.</source>
        <translation>«&#xa0;{email}&#xa0;» n’est pas une adresse courriel. Tapez-en une comme nom@exemple.com.</translation>
    </message>
    <message>
        <source>Could not e-mail the recording: {message}</source>
        <translation>Impossible d’envoyer l’enregistrement par courriel&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Could not delete the recording: {message}</source>
        <translation>Impossible de supprimer l’enregistrement&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Could not write {target}: {strerror}</source>
        <translation>Impossible d’écrire {target}&#xa0;: {strerror}</translation>
    </message>
    <message>
        <source>Could not open {fax}: {message}</source>
        <translation>Impossible d’ouvrir {fax}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Could not open {fax}: VoIP.ms sent a document that is not a PDF. Try again later.</source>
        <translation>Impossible d’ouvrir {fax}&#xa0;: VoIP.ms a envoyé un document qui n’est pas un PDF. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>unknown sender</source>
        <translation>expéditeur inconnu</translation>
    </message>
    <message>
        <source>From {who}, 1 page</source>
        <translation>De {who}, 1 page</translation>
    </message>
    <message>
        <source>From {who}, {pages} pages</source>
        <translation>De {who}, {pages} pages</translation>
    </message>
    <message>
        <source>New fax</source>
        <translation>Nouvelle télécopie</translation>
    </message>
    <message>
        <source>{count} new faxes</source>
        <translation>{count} nouvelles télécopies</translation>
    </message>
    <message>
        <source>{pages} pages in all</source>
        <translation>{pages} pages en tout</translation>
    </message>
    <message>
        <source>A folder name has 1 to 40 letters, digits, spaces, dashes or underscores.</source>
        <translation>Un nom de dossier compte de 1 à 40 lettres, chiffres, espaces, tirets ou traits de soulignement.</translation>
    </message>
    <message>
        <source>There is already a folder named “{name}”.</source>
        <translation>Il y a déjà un dossier nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Enter the fax number to send to.</source>
        <translation>Entrez le numéro de télécopieur du destinataire.</translation>
    </message>
    <message>
        <source>“{number}” is not a valid US or Canadian fax number (10 digits, area code first).</source>
        <translation>«&#xa0;{number}&#xa0;» n’est pas un numéro de télécopieur américain ou canadien valide (10 chiffres, indicatif régional d’abord).</translation>
    </message>
    <message>
        <source>Choose the fax number to send from.</source>
        <translation>Choisissez le numéro de télécopieur d’envoi.</translation>
    </message>
    <message>
        <source>The sender name is longer than {count} characters.</source>
        <translation>Le nom de l’expéditeur dépasse {count} caractères.</translation>
    </message>
    <message>
        <source>The station id is longer than {count} characters.</source>
        <translation>L’identifiant du poste dépasse {count} caractères.</translation>
    </message>
    <message>
        <source>“{email}” is not a valid e-mail address.</source>
        <translation>«&#xa0;{email}&#xa0;» n’est pas une adresse courriel valide.</translation>
    </message>
    <message>
        <source>Attach at least one document to fax.</source>
        <translation>Joignez au moins un document à télécopier.</translation>
    </message>
    <message>
        <source>The fax document is {size}; the most that can be sent is {limit}. Remove pages or attach smaller images.</source>
        <translation>Le document à télécopier fait {size}; le maximum qui peut être envoyé est {limit}. Retirez des pages ou joignez des images plus petites.</translation>
    </message>
    <message>
        <source>The composed fax document could not be read. Attach the files again.</source>
        <translation>Le document de télécopie composé n’a pas pu être lu. Joignez les fichiers de nouveau.</translation>
    </message>
    <message>
        <source>VoIP.ms did not answer while sending the fax to {to}: it may have been sent. Check the Sent folder in a few minutes before sending it again.</source>
        <translation>VoIP.ms n’a pas répondu pendant l’envoi de la télécopie au {to}&#xa0;: elle a peut-être été envoyée. Vérifiez le dossier Envoyées dans quelques minutes avant de la renvoyer.</translation>
    </message>
    <message>
        <source> The most that can be sent is {limit}.</source>
        <translation> Le maximum qui peut être envoyé est {limit}.</translation>
    </message>
    <message>
        <source>The fax to {to} was not sent: {message}{advice} Your fax is kept: you can correct it and send it again.</source>
        <translation>La télécopie au {to} n’a pas été envoyée&#xa0;: {message}{advice} Votre télécopie est conservée&#xa0;: vous pouvez la corriger et la renvoyer.</translation>
    </message>
    <message>
        <source>This fax is no longer waiting to be sent again.</source>
        <translation>Cette télécopie n’attend plus d’être renvoyée.</translation>
    </message>
    <message>
        <source>Could not move {fax} to “{name}”: {message}</source>
        <translation>Impossible de déplacer {fax} vers «&#xa0;{name}&#xa0;»&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Could not delete {fax}: {message}</source>
        <translation>Impossible de supprimer {fax}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Could not e-mail {fax} to {email}: {message}</source>
        <translation>Impossible d’envoyer {fax} par courriel à {email}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Could not create the folder “{name}”: {message}</source>
        <translation>Impossible de créer le dossier «&#xa0;{name}&#xa0;»&#xa0;: {message}</translation>
    </message>
    <message>
        <source>VoIP.ms accepted the folder “{name}” but does not list it.</source>
        <translation>VoIP.ms a accepté le dossier «&#xa0;{name}&#xa0;», mais ne l’affiche pas dans sa liste.</translation>
    </message>
    <message>
        <source>The folder “{name}” cannot be renamed.</source>
        <translation>Le dossier «&#xa0;{name}&#xa0;» ne peut pas être renommé.</translation>
    </message>
    <message>
        <source>Could not rename the folder “{name}”: {message}</source>
        <translation>Impossible de renommer le dossier «&#xa0;{name}&#xa0;»&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The folder “{name}” cannot be deleted.</source>
        <translation>Le dossier «&#xa0;{name}&#xa0;» ne peut pas être supprimé.</translation>
    </message>
    <message>
        <source>The folder “{name}” still holds faxes. Move or delete them first.</source>
        <translation>Le dossier «&#xa0;{name}&#xa0;» contient encore des télécopies. Déplacez-les ou supprimez-les d’abord.</translation>
    </message>
    <message>
        <source>Could not delete the folder “{name}”: {message}</source>
        <translation>Impossible de supprimer le dossier «&#xa0;{name}&#xa0;»&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Servers (POPs)</source>
        <translation>Serveurs (POP)</translation>
    </message>
    <message>
        <source>Time zones</source>
        <translation>Fuseaux horaires</translation>
    </message>
    <message>
        <source>Codecs</source>
        <translation>Codecs</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Locales</source>
        <translation>Paramètres régionaux</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Call routes</source>
        <translation>Routes d’appel</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Sous-comptes</translation>
    </message>
    <message>
        <source>Call forwardings</source>
        <translation>Renvois d’appel</translation>
    </message>
    <message>
        <source>Voicemail boxes</source>
        <translation>Boîtes vocales</translation>
    </message>
    <message>
        <source>SIP URIs</source>
        <translation>URI SIP</translation>
    </message>
    <message>
        <source>Ring groups</source>
        <translation>Groupes de sonnerie</translation>
    </message>
    <message>
        <source>IVR menus</source>
        <translation>Menus RVI</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Call queues</source>
        <translation>Files d’attente</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>Time conditions</source>
        <translation>Conditions horaires</translation>
    </message>
    <message>
        <source>DISAs</source>
        <translation>DISA</translation>
    </message>
    <message>
        <source>Routing: {kind}</source>
        <translation>Acheminement&#xa0;: {kind}</translation>
    </message>
    <message>
        <source>May have been sent, checking…</source>
        <translation>Peut-être envoyé, vérification…</translation>
    </message>
    <message>
        <source>Cancelled while waiting for VoIP.ms: it may have gone out, so it is checked against the history and never sent again by itself.</source>
        <translation>Annulé en attendant VoIP.ms&#xa0;: il est peut-être parti; il est donc vérifié dans l’historique et jamais renvoyé automatiquement.</translation>
    </message>
    <message>
        <source>Switchboard stopped while this was being sent: it may have gone out, so it is checked against the history before it can be sent again.</source>
        <translation>Switchboard s’est arrêté pendant l’envoi&#xa0;: il est peut-être parti; il est donc vérifié dans l’historique avant de pouvoir être renvoyé.</translation>
    </message>
    <message>
        <source>Not confirmed: VoIP.ms could not be reached to check whether it went out. It will not be sent again by itself; it is checked again when VoIP.ms answers.</source>
        <translation>Non confirmé&#xa0;: VoIP.ms n’a pas pu être joint pour vérifier s’il est parti. Il ne sera pas renvoyé automatiquement; il sera vérifié de nouveau quand VoIP.ms répondra.</translation>
    </message>
    <message>
        <source>Not sent: it is not in the history at VoIP.ms.</source>
        <translation>Non envoyé&#xa0;: il n’est pas dans l’historique de VoIP.ms.</translation>
    </message>
    <message>
        <source>Still sending… (no answer from VoIP.ms yet)</source>
        <translation>Envoi toujours en cours… (pas encore de réponse de VoIP.ms)</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Non envoyé.</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Envoyé.</translation>
    </message>
    <message>
        <source>The image was empty.</source>
        <translation>L’image était vide.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>{count} new messages</source>
        <translation>{count} nouveaux textos</translation>
    </message>
    <message>
        <source>From {count} contacts</source>
        <translation>De {count} contacts</translation>
    </message>
    <message>
        <source>New message from {name}</source>
        <translation>Nouveau texto de {name}</translation>
    </message>
    <message>
        <source>Choose which of your numbers sends the message.</source>
        <translation>Choisissez lequel de vos numéros envoie le message.</translation>
    </message>
    <message>
        <source>{value} is not a valid North American phone number (10 digits, e.g. (555) 123-4567).</source>
        <translation>{value} n’est pas un numéro de téléphone nord-américain valide (10 chiffres, p. ex. (555) 123-4567).</translation>
    </message>
    <message>
        <source>The number</source>
        <translation>Le numéro</translation>
    </message>
    <message>
        <source>An MMS can carry at most {MAX_ATTACHMENTS} images.</source>
        <translation>Un MMS peut contenir au plus {MAX_ATTACHMENTS} images.</translation>
    </message>
    <message>
        <source>An image is larger than VoIP.ms accepts (about 1.2 MB); attach a smaller one.</source>
        <translation>Une image dépasse la taille acceptée par VoIP.ms (environ 1,2&#xa0;Mo); joignez-en une plus petite.</translation>
    </message>
    <message>
        <source>This message is no longer waiting to be sent again.</source>
        <translation>Ce message n’attend plus d’être renvoyé.</translation>
    </message>
    <message>
        <source>The conversation could not be saved to {path}: {value}.</source>
        <translation>La conversation n’a pas pu être enregistrée dans {path}&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>{number} now goes to {target}.</source>
        <translation>Le {number} est maintenant acheminé vers {target}.</translation>
    </message>
    <message>
        <source>{count} numbers now go to {target}.</source>
        <translation>{count} numéros sont maintenant acheminés vers {target}.</translation>
    </message>
    <message>
        <source>Already routed to {target}; nothing to change.</source>
        <translation>Déjà acheminé vers {target}; rien à changer.</translation>
    </message>
    <message>
        <source>{number}: {reason}</source>
        <translation>{number}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{failed} of {attempted} numbers could not be routed to {target}</source>
        <translation>{failed} des {attempted} numéros n’ont pas pu être acheminés vers {target}</translation>
    </message>
    <message>
        <source>{number} could not be routed to {target}</source>
        <translation>Le {number} n’a pas pu être acheminé vers {target}</translation>
    </message>
    <message>
        <source>{head}: {reason}</source>
        <translation>{head}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{head}:
{lines}</source>
        <translation>{head}&#xa0;:
{lines}</translation>
    </message>
    <message>
        <source>Undone: {numbers} is routed as before.</source>
        <translation>Annulé&#xa0;: {numbers} est acheminé comme avant.</translation>
    </message>
    <message>
        <source>Undone: {numbers} are routed as before.</source>
        <translation>Annulé&#xa0;: {numbers} sont acheminés comme avant.</translation>
    </message>
    <message>
        <source>{numbers} already was as before the change.</source>
        <translation>{numbers} était déjà comme avant la modification.</translation>
    </message>
    <message>
        <source>{numbers} already were as before the change.</source>
        <translation>{numbers} étaient déjà comme avant la modification.</translation>
    </message>
    <message>
        <source>Not restored:</source>
        <translation>Non rétablis&#xa0;:</translation>
    </message>
    <message>
        <source>Could not undo the change:</source>
        <translation>Impossible d’annuler la modification&#xa0;:</translation>
    </message>
    <message>
        <source>{count} numbers</source>
        <translation>{count} numéros</translation>
    </message>
    <message>
        <source>Choose where the calls should go first.</source>
        <translation>Choisissez d’abord où les appels doivent aller.</translation>
    </message>
    <message>
        <source>routing to {target}</source>
        <translation>acheminement vers {target}</translation>
    </message>
    <message>
        <source>your changes</source>
        <translation>vos modifications</translation>
    </message>
    <message>
        <source>{number} was not changed: {message}</source>
        <translation>Le {number} n’a pas été modifié&#xa0;: {message}</translation>
    </message>
    <message>
        <source>That change was never saved, so there is nothing to undo.</source>
        <translation>Cette modification n’a jamais été enregistrée; il n’y a donc rien à annuler.</translation>
    </message>
    <message>
        <source>{number}: {field} is now {value}</source>
        <translation>{number}&#xa0;: {field} est maintenant {value}</translation>
    </message>
    <message>
        <source>Could not set up forwarding to {number}: {message}</source>
        <translation>Impossible de configurer le renvoi vers le {number}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>This number is no longer on your account.</source>
        <translation>Ce numéro n’est plus dans votre compte.</translation>
    </message>
    <message>
        <source>A change to {shown} is still being saved; try again in a moment.</source>
        <translation>Une modification de {shown} est encore en cours d’enregistrement; réessayez dans un moment.</translation>
    </message>
    <message>
        <source>Switchboard was closed before VoIP.ms answered, and the number does not have this setting now</source>
        <translation>Switchboard a été fermé avant la réponse de VoIP.ms, et le numéro n’a pas ce réglage maintenant</translation>
    </message>
    <message>
        <source>{number} is not one of your numbers (refresh?).</source>
        <translation>Le {number} ne fait pas partie de vos numéros (actualiser?).</translation>
    </message>
    <message>
        <source>Phone back online</source>
        <translation>Téléphone de retour en ligne</translation>
    </message>
    <message>
        <source>{phone} is registered again and can take calls.</source>
        <translation>{phone} est de nouveau enregistré et peut recevoir des appels.</translation>
    </message>
    <message>
        <source>Phone offline</source>
        <translation>Téléphone hors ligne</translation>
    </message>
    <message>
        <source>{phone} is not registered: calls to it will not ring.</source>
        <translation>{phone} n’est pas enregistré&#xa0;: ses appels ne sonneront pas.</translation>
    </message>
    <message>
        <source>Offline: {phones}</source>
        <translation>Hors ligne&#xa0;: {phones}</translation>
    </message>
    <message>
        <source>Back online: {phones}</source>
        <translation>De retour en ligne&#xa0;: {phones}</translation>
    </message>
    <message>
        <source>{offline}. {back}</source>
        <translation>{offline}. {back}</translation>
    </message>
    <message>
        <source>{count} phones offline</source>
        <translation>{count} téléphones hors ligne</translation>
    </message>
    <message>
        <source>Phones changed</source>
        <translation>Changements dans les téléphones</translation>
    </message>
    <message>
        <source>{name} ({host}) - recommended</source>
        <translation>{name} ({host}) - recommandé</translation>
    </message>
    <message>
        <source>The main account&apos;s SIP password is your VoIP.ms portal password; Switchboard does not know it. Set up a sub-account for each phone instead.</source>
        <translation>Le mot de passe SIP du compte principal est celui de votre portail VoIP.ms; Switchboard ne le connaît pas. Configurez plutôt un sous-compte pour chaque téléphone.</translation>
    </message>
    <message>
        <source>{name} (recommended)</source>
        <translation>{name} (recommandé)</translation>
    </message>
    <message>
        <source>This account has no voicemail box.</source>
        <translation>Ce compte n’a aucune boîte vocale.</translation>
    </message>
    <message>
        <source>Mailbox {wanted} is no longer on your VoIP.ms account.</source>
        <translation>La boîte vocale {wanted} n’est plus dans votre compte VoIP.ms.</translation>
    </message>
    <message>
        <source>Mailbox {mailbox} is no longer on your VoIP.ms account.</source>
        <translation>La boîte vocale {mailbox} n’est plus dans votre compte VoIP.ms.</translation>
    </message>
    <message>
        <source>The phone {account} is no longer on your VoIP.ms account.</source>
        <translation>Le téléphone {account} n’est plus dans votre compte VoIP.ms.</translation>
    </message>
    <message>
        <source>Could not fetch the recording: {message}</source>
        <translation>Impossible de récupérer l’enregistrement&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The voicemail server sent an empty recording.</source>
        <translation>Le serveur de messagerie vocale a envoyé un enregistrement vide.</translation>
    </message>
    <message>
        <source>Could not save the recording to {destination}: {value}.</source>
        <translation>Impossible d’enregistrer le fichier audio dans {destination}&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>Urgent voicemail</source>
        <translation>Message vocal urgent</translation>
    </message>
    <message>
        <source>New voicemail</source>
        <translation>Nouveau message vocal</translation>
    </message>
    <message>
        <source>From {who}, {length} (mailbox {mailbox})</source>
        <translation>De {who}, {length} (boîte vocale {mailbox})</translation>
    </message>
    <message>
        <source>{count} new voicemails</source>
        <translation>{count} nouveaux messages vocaux</translation>
    </message>
    <message>
        <source>From {callers} and others</source>
        <translation>De {callers} et d’autres</translation>
    </message>
    <message>
        <source>Could not check for new voicemail: {problem}</source>
        <translation>Impossible de vérifier les nouveaux messages vocaux&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>This voicemail is no longer in the list; it may have been moved or deleted.</source>
        <translation>Ce message vocal n’est plus dans la liste; il a peut-être été déplacé ou supprimé.</translation>
    </message>
    <message>
        <source>Could not {what} the voicemail from {caller}: {message}</source>
        <translation>Action impossible ({what}) sur le message vocal de {caller}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>mark as heard</source>
        <translation>marquer comme écouté</translation>
    </message>
    <message>
        <source>mark as unheard</source>
        <translation>marquer comme non écouté</translation>
    </message>
    <message>
        <source>mark as urgent</source>
        <translation>marquer comme urgent</translation>
    </message>
    <message>
        <source>remove the urgent mark from</source>
        <translation>retirer la marque urgente</translation>
    </message>
    <message>
        <source>move to {folder}</source>
        <translation>déplacer vers {folder}</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address.</source>
        <translation>«&#xa0;{address}&#xa0;» n’est pas une adresse courriel.</translation>
    </message>
    <message>
        <source>e-mail to {address}</source>
        <translation>envoyer par courriel à {address}</translation>
    </message>
    <message>
        <source>The disk is full: Switchboard cannot save new history until there is room.</source>
        <translation>Le disque est plein&#xa0;: Switchboard ne peut pas enregistrer de nouvel historique tant qu’il n’y a pas de place.</translation>
    </message>
    <message>
        <source>Switchboard&apos;s history file cannot be changed right now (read-only or a disk problem): what is on screen stays, nothing new is saved.</source>
        <translation>Le fichier d’historique de Switchboard ne peut pas être modifié pour l’instant (lecture seule ou problème de disque)&#xa0;: ce qui est à l’écran reste, rien de nouveau n’est enregistré.</translation>
    </message>
    <message>
        <source>Switchboard&apos;s history file is busy (another program is using it): try again in a moment.</source>
        <translation>Le fichier d’historique de Switchboard est occupé (un autre programme l’utilise)&#xa0;: réessayez dans un moment.</translation>
    </message>
    <message>
        <source>Fetching {kind} {start} – {end}</source>
        <translation>Récupération des {kind} du {start} au {end}</translation>
    </message>
    <message>
        <source>Messages up to date</source>
        <translation>Textos à jour</translation>
    </message>
    <message>
        <source>VoIP.ms did not accept the user name or API password. Check the e-mail address you log in with and the API password set under Main Menu &gt; SOAP &amp; REST/JSON API.</source>
        <translation>VoIP.ms n’a pas accepté le nom d’utilisateur ou le mot de passe API. Vérifiez l’adresse courriel avec laquelle vous vous connectez et le mot de passe API défini sous Main Menu &gt; SOAP &amp; REST/JSON API.</translation>
    </message>
    <message>
        <source>The VoIP.ms user name or API password is missing. Enter both in the settings.</source>
        <translation>Le nom d’utilisateur ou le mot de passe API VoIP.ms est manquant. Entrez les deux dans les réglages.</translation>
    </message>
    <message>
        <source>API access is not enabled for this VoIP.ms account. Enable it under Main Menu &gt; SOAP &amp; REST/JSON API on voip.ms.</source>
        <translation>L’accès à l’API n’est pas activé pour ce compte VoIP.ms. Activez-le sous Main Menu &gt; SOAP &amp; REST/JSON API sur voip.ms.</translation>
    </message>
    <message>
        <source>VoIP.ms does not accept requests from this computer&apos;s internet address yet. Add the address shown in the settings to the allowed IP addresses under Main Menu &gt; SOAP &amp; REST/JSON API on voip.ms.</source>
        <translation>VoIP.ms n’accepte pas encore les requêtes de l’adresse Internet de cet ordinateur. Ajoutez l’adresse affichée dans les réglages aux adresses IP autorisées sous Main Menu &gt; SOAP &amp; REST/JSON API sur voip.ms.</translation>
    </message>
    <message>
        <source>VoIP.ms is limiting how many requests this account can make per minute. Switchboard will wait a minute and continue.</source>
        <translation>VoIP.ms limite le nombre de requêtes que ce compte peut faire par minute. Switchboard attendra une minute et continuera.</translation>
    </message>
    <message>
        <source>This VoIP.ms feature is under maintenance. Try again later.</source>
        <translation>Cette fonction de VoIP.ms est en maintenance. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>VoIP.ms did not receive the request correctly. Check that the server address is exactly https://voip.ms/api/v1/rest.php.</source>
        <translation>VoIP.ms n’a pas reçu la requête correctement. Vérifiez que l’adresse du serveur est exactement https://voip.ms/api/v1/rest.php.</translation>
    </message>
    <message>
        <source>VoIP.ms does not offer this function (anymore). Switchboard may need an update.</source>
        <translation>VoIP.ms n’offre pas (ou plus) cette fonction. Switchboard a peut-être besoin d’une mise à jour.</translation>
    </message>
    <message>
        <source>Some required information was missing from the request to VoIP.ms.</source>
        <translation>Des renseignements obligatoires manquaient dans la requête à VoIP.ms.</translation>
    </message>
    <message>
        <source>One of VoIP.ms&apos;s carriers is out of service. Try again later.</source>
        <translation>Un des transporteurs de VoIP.ms est hors service. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>VoIP.ms cannot provide this information right now. Try again later.</source>
        <translation>VoIP.ms ne peut pas fournir ces renseignements pour l’instant. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>A secure-connection error happened at VoIP.ms. Try again later.</source>
        <translation>Une erreur de connexion sécurisée s’est produite chez VoIP.ms. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>Your VoIP.ms balance is too low for this. Add funds to your account and try again.</source>
        <translation>Votre solde VoIP.ms est trop bas pour cela. Ajoutez des fonds à votre compte et réessayez.</translation>
    </message>
    <message>
        <source>You have reached VoIP.ms&apos;s daily limit of messages sent through the API (for fax, the daily limit for any method). Try again tomorrow or contact VoIP.ms to raise it.</source>
        <translation>Vous avez atteint la limite quotidienne de VoIP.ms pour les messages envoyés par l’API (pour la télécopie, la limite quotidienne de toute méthode). Réessayez demain ou communiquez avec VoIP.ms pour la faire augmenter.</translation>
    </message>
    <message>
        <source>The text message is too long: one SMS holds at most 160 bytes.</source>
        <translation>Le texto est trop long&#xa0;: un SMS contient au plus 160 octets.</translation>
    </message>
    <message>
        <source>The message is empty. Type some text before sending.</source>
        <translation>Le message est vide. Tapez du texte avant de l’envoyer.</translation>
    </message>
    <message>
        <source>VoIP.ms could not send the text message. Try again in a moment.</source>
        <translation>VoIP.ms n’a pas pu envoyer le texto. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The recipient&apos;s number is not a valid phone number.</source>
        <translation>Le numéro du destinataire n’est pas un numéro de téléphone valide.</translation>
    </message>
    <message>
        <source>This is not one of your VoIP.ms phone numbers, or it is not a valid number.</source>
        <translation>Ce n’est pas un de vos numéros VoIP.ms, ou ce n’est pas un numéro valide.</translation>
    </message>
    <message>
        <source>No phone number (DID) was given.</source>
        <translation>Aucun numéro de téléphone (DID) n’a été fourni.</translation>
    </message>
    <message>
        <source>This text message does not exist (anymore) at VoIP.ms.</source>
        <translation>Ce texto n’existe pas (ou plus) chez VoIP.ms.</translation>
    </message>
    <message>
        <source>The contact&apos;s number is not a valid phone number.</source>
        <translation>Le numéro du contact n’est pas un numéro de téléphone valide.</translation>
    </message>
    <message>
        <source>The date range is too long: VoIP.ms allows at most 92 days at a time.</source>
        <translation>La période est trop longue&#xa0;: VoIP.ms permet au plus 92 jours à la fois.</translation>
    </message>
    <message>
        <source>A date was not in the form year-month-day (for example 2024-03-30).</source>
        <translation>Une date n’était pas au format année-mois-jour (par exemple 2024-03-30).</translation>
    </message>
    <message>
        <source>The start date must come before the end date.</source>
        <translation>La date de début doit précéder la date de fin.</translation>
    </message>
    <message>
        <source>The file is too large for VoIP.ms.</source>
        <translation>Le fichier est trop volumineux pour VoIP.ms.</translation>
    </message>
    <message>
        <source>This voicemail box does not exist at VoIP.ms.</source>
        <translation>Cette boîte vocale n’existe pas chez VoIP.ms.</translation>
    </message>
    <message>
        <source>No voicemail box was given.</source>
        <translation>Aucune boîte vocale n’a été fournie.</translation>
    </message>
    <message>
        <source>This voicemail folder does not exist.</source>
        <translation>Ce dossier de messagerie vocale n’existe pas.</translation>
    </message>
    <message>
        <source>The folder to move the message to does not exist.</source>
        <translation>Le dossier de destination du message n’existe pas.</translation>
    </message>
    <message>
        <source>This voicemail message does not exist (anymore).</source>
        <translation>Ce message vocal n’existe pas (ou plus).</translation>
    </message>
    <message>
        <source>This voicemail message was not found; it may have been deleted already.</source>
        <translation>Ce message vocal est introuvable; il a peut-être déjà été supprimé.</translation>
    </message>
    <message>
        <source>VoIP.ms could not delete the voicemail message. Try again in a moment.</source>
        <translation>VoIP.ms n’a pas pu supprimer le message vocal. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>VoIP.ms could not move the voicemail message. Try again in a moment.</source>
        <translation>VoIP.ms n’a pas pu déplacer le message vocal. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>VoIP.ms could not send the e-mail. Try again in a moment.</source>
        <translation>VoIP.ms n’a pas pu envoyer le courriel. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>This is not a valid e-mail address (or it is already in use).</source>
        <translation>Ce n’est pas une adresse courriel valide (ou elle est déjà utilisée).</translation>
    </message>
    <message>
        <source>This fax does not exist (anymore) at VoIP.ms.</source>
        <translation>Cette télécopie n’existe pas (ou plus) chez VoIP.ms.</translation>
    </message>
    <message>
        <source>This fax folder does not exist.</source>
        <translation>Ce dossier de télécopies n’existe pas.</translation>
    </message>
    <message>
        <source>VoIP.ms could not move the fax. Try again in a moment.</source>
        <translation>VoIP.ms n’a pas pu déplacer la télécopie. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>VoIP.ms could not send the fax. Try again in a moment.</source>
        <translation>VoIP.ms n’a pas pu envoyer la télécopie. Réessayez dans un moment.</translation>
    </message>
    <message>
        <source>The file cannot be faxed. Use a PDF, TXT, JPG, GIF, PNG or TIF file.</source>
        <translation>Le fichier ne peut pas être télécopié. Utilisez un fichier PDF, TXT, JPG, GIF, PNG ou TIF.</translation>
    </message>
    <message>
        <source>The file was not sent in the expected form (base64) to VoIP.ms.</source>
        <translation>Le fichier n’a pas été envoyé à VoIP.ms sous la forme attendue (base64).</translation>
    </message>
    <message>
        <source>The fax number to send to is not valid.</source>
        <translation>Le numéro de télécopieur du destinataire n’est pas valide.</translation>
    </message>
    <message>
        <source>The fax number to send from is not one of your fax numbers.</source>
        <translation>Le numéro de télécopieur d’envoi ne fait pas partie de vos numéros de télécopieur.</translation>
    </message>
    <message>
        <source>This call routing choice is not valid.</source>
        <translation>Ce choix d’acheminement n’est pas valide.</translation>
    </message>
    <message>
        <source>This failover routing choice is not valid.</source>
        <translation>Ce choix de relais n’est pas valide.</translation>
    </message>
    <message>
        <source>This VoIP.ms server (point of presence) does not exist.</source>
        <translation>Ce serveur VoIP.ms (point de présence) n’existe pas.</translation>
    </message>
    <message>
        <source>The ring time (dial time-out) is not valid.</source>
        <translation>La durée de sonnerie n’est pas valide.</translation>
    </message>
    <message>
        <source>The caller-name lookup (CNAM) setting must be on or off.</source>
        <translation>Le réglage de recherche du nom de l’appelant (CNAM) doit être activé ou désactivé.</translation>
    </message>
    <message>
        <source>The billing type must be per minute (1) or flat rate (2).</source>
        <translation>Le type de facturation doit être à la minute (1) ou forfaitaire (2).</translation>
    </message>
    <message>
        <source>The caller-ID prefix is too long: it must be under 20 characters.</source>
        <translation>Le préfixe de l’afficheur est trop long&#xa0;: il doit compter moins de 20 caractères.</translation>
    </message>
    <message>
        <source>The note is too long: it must be under 50 characters.</source>
        <translation>La note est trop longue&#xa0;: elle doit compter moins de 50 caractères.</translation>
    </message>
    <message>
        <source>This password is not allowed. Voicemail PINs must be 4 digits; sub-account passwords need more than 6 characters with letters and numbers.</source>
        <translation>Ce mot de passe n’est pas permis. Les NIP de messagerie vocale doivent compter 4 chiffres; les mots de passe de sous-compte, plus de 6 caractères avec lettres et chiffres.</translation>
    </message>
    <message>
        <source>This time zone is not valid for VoIP.ms.</source>
        <translation>Ce fuseau horaire n’est pas valide pour VoIP.ms.</translation>
    </message>
    <message>
        <source>The digits must be 3 numbers.</source>
        <translation>Les chiffres doivent être au nombre de 3.</translation>
    </message>
    <message>
        <source>The country is missing or not valid; use a two-letter code such as US or CA.</source>
        <translation>Le pays est manquant ou invalide; utilisez un code de deux lettres comme US ou CA.</translation>
    </message>
    <message>
        <source>this computer&apos;s public IP address</source>
        <translation>l’adresse IP publique de cet ordinateur</translation>
    </message>
    <message>
        <source>VoIP.ms does not accept API requests from {address} yet. Open {page}, add {address} to &quot;Enable IP Addresses&quot;, save, and test again.</source>
        <translation>VoIP.ms n’accepte pas encore les requêtes API de {address}. Ouvrez {page}, ajoutez {address} à «&#xa0;Enable IP Addresses&#xa0;», enregistrez et testez de nouveau.</translation>
    </message>
    <message>
        <source>API access is switched off for this account. Open {page}, click &quot;Enable/Disable API&quot;, set an API password, and allow the IP address {address}.</source>
        <translation>L’accès à l’API est désactivé pour ce compte. Ouvrez {page}, cliquez sur «&#xa0;Enable/Disable API&#xa0;», définissez un mot de passe API et autorisez l’adresse IP {address}.</translation>
    </message>
    <message>
        <source>VoIP.ms did not accept the e-mail or API password. The API password is not the password of the customer portal: it is set under {page}.</source>
        <translation>VoIP.ms n’a pas accepté le courriel ou le mot de passe API. Le mot de passe API n’est pas celui du portail client&#xa0;: il est défini sous {page}.</translation>
    </message>
    <message>
        <source>Connected. VoIP.ms sees this computer as {ip}.</source>
        <translation>Connecté. VoIP.ms voit cet ordinateur comme {ip}.</translation>
    </message>
    <message>
        <source>This computer has no password keyring Switchboard can use, so the API password will be kept for this session only: you will be asked again next time.</source>
        <translation>Cet ordinateur n’a aucun trousseau de mots de passe que Switchboard peut utiliser; le mot de passe API sera donc conservé pour cette session seulement&#xa0;: il vous sera redemandé la prochaine fois.</translation>
    </message>
    <message>
        <source>The password keyring reported a problem ({problem}); the password will be kept for this session only.</source>
        <translation>Le trousseau de mots de passe a signalé un problème ({problem}); le mot de passe sera conservé pour cette session seulement.</translation>
    </message>
    <message>
        <source>VoIP.ms sent no document for this fax. Try again in a few minutes.</source>
        <translation>VoIP.ms n’a envoyé aucun document pour cette télécopie. Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>VoIP.ms created the forwarding but did not say its id.</source>
        <translation>VoIP.ms a créé le renvoi, mais n’a pas indiqué son identifiant.</translation>
    </message>
    <message>
        <source>VoIP.ms did not answer in time.</source>
        <translation>VoIP.ms n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Could not refresh 1 cached list ({name}: {error})</source>
        <translation>Impossible d’actualiser 1 liste en cache ({name}&#xa0;: {error})</translation>
    </message>
    <message>
        <source>Could not refresh {count} cached lists ({name}: {error})</source>
        <translation>Impossible d’actualiser {count} listes en cache ({name}&#xa0;: {error})</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Locale</source>
        <translation>Paramètres régionaux</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Call route</source>
        <translation>Route d’appel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation>Nom d’hôte</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommandé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>never fetched</source>
        <translation>jamais récupérée</translation>
    </message>
    <message>
        <source>updated just now</source>
        <translation>mise à jour à l’instant</translation>
    </message>
    <message>
        <source>updated 1 minute ago</source>
        <translation>mise à jour il y a 1 minute</translation>
    </message>
    <message>
        <source>updated {count} minutes ago</source>
        <translation>mise à jour il y a {count} minutes</translation>
    </message>
    <message>
        <source>updated 1 hour ago</source>
        <translation>mise à jour il y a 1 heure</translation>
    </message>
    <message>
        <source>updated {count} hours ago</source>
        <translation>mise à jour il y a {count} heures</translation>
    </message>
    <message>
        <source>updated yesterday</source>
        <translation>mise à jour hier</translation>
    </message>
    <message>
        <source>updated 1 day ago</source>
        <translation>mise à jour il y a 1 jour</translation>
    </message>
    <message>
        <source>updated {count} days ago</source>
        <translation>mise à jour il y a {count} jours</translation>
    </message>
    <message>
        <source>{words} (out of date)</source>
        <translation>{words} (périmée)</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrée</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} entrées</translation>
    </message>
    <message>
        <source>Can&apos;t reach VoIP.ms. Check the internet connection; Switchboard tries again on its own.</source>
        <translation>VoIP.ms est injoignable. Vérifiez la connexion Internet; Switchboard réessaiera de lui-même.</translation>
    </message>
    <message>
        <source>You are offline: sign in (the bar at the top of the window) to refresh or make changes.</source>
        <translation>Vous êtes hors ligne&#xa0;: connectez-vous (la barre en haut de la fenêtre) pour actualiser ou faire des modifications.</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Textos</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Télécopie</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numéros</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
</context>
<context>
    <name>voicemail</name>
    <message>
        <source>Inbox</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Anciens</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Travail</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Amis</translation>
    </message>
    <message>
        <source>{count} new</source>
        <translation>{count} nouveaux</translation>
    </message>
    <message>
        <source>{count} urgent</source>
        <translation>{count} urgents</translation>
    </message>
    <message>
        <source>Mailbox {mailbox}</source>
        <translation>Boîte vocale {mailbox}</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Appelant inconnu</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Heard</source>
        <translation>Écouté</translation>
    </message>
    <message>
        <source>urgent, not heard yet</source>
        <translation>urgent, pas encore écouté</translation>
    </message>
    <message>
        <source>urgent, heard</source>
        <translation>urgent, écouté</translation>
    </message>
    <message>
        <source>not heard yet</source>
        <translation>pas encore écouté</translation>
    </message>
    <message>
        <source>heard</source>
        <translation>écouté</translation>
    </message>
</context>
<context>
    <name>voicemail.dialogs</name>
    <message>
        <source>MP3 audio (*.mp3)</source>
        <translation>Audio MP3 (*.mp3)</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>Audio WAV (*.wav)</translation>
    </message>
    <message>
        <source>Save voicemail as</source>
        <translation>Enregistrer le message vocal sous</translation>
    </message>
    <message>
        <source>Send voicemail by e-mail</source>
        <translation>Envoyer le message vocal par courriel</translation>
    </message>
    <message>
        <source>Send the recording to this e-mail address:</source>
        <translation>Envoyer l’enregistrement à cette adresse courriel&#xa0;:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
</context>
<context>
    <name>widgets.pdf_pages</name>
    <message>
        <source>“{name}” cannot be printed: it is not a valid PDF.</source>
        <translation>«&#xa0;{name}&#xa0;» ne peut pas être imprimé&#xa0;: ce n’est pas un PDF valide.</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check that it is connected.</source>
        <translation>L’imprimante n’a pas pu être ouverte. Vérifiez qu’elle est branchée.</translation>
    </message>
    <message>
        <source>The printer stopped accepting pages.</source>
        <translation>L’imprimante a cessé d’accepter les pages.</translation>
    </message>
</context>
</TS>
