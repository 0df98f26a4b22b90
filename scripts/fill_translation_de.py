#!/usr/bin/env python3
"""Fills translations/workbench_de.ts from the German phrase book below.

Run after `cmake --build build --target update_translations` has added new source texts;
texts without an entry here stay unfinished and the script exits 1 listing them, so a
missing translation is noticed (the test suite checks that none is unfinished).
"""
import sys
import xml.etree.ElementTree as ET

DE = {
    'Cannot create the folder %1.': 'Der Ordner %1 kann nicht angelegt werden.',
    'The session has no runs: no training plots.': 'Die Sitzung enthält keine Läufe: keine Trainingsdiagramme.',
    'No dataset available: no class histogram.': 'Kein Datensatz verfügbar: kein Klassenhistogramm.',
    'Deep learning on small image datasets.': 'Deep Learning auf kleinen Bilddatensätzen.',
    'Open the session FILE.': 'Die Sitzung FILE öffnen.',
    'Render every plot of the session given with --open to PNG files in DIR, without a window, and exit.':
        'Jedes Diagramm der mit --open angegebenen Sitzung ohne Fenster als PNG-Datei in DIR speichern und beenden.',
    'Load this dataset (fashion-mnist or a folder) at start.': 'Diesen Datensatz (fashion-mnist oder einen Ordner) beim Start laden.',
    'default': 'Standard',
    'Use preset': 'Vorlage verwenden',
    'Preset:': 'Vorlage:',
    'Width:': 'Breite:',
    'Add': 'Hinzufügen',
    'Remove': 'Entfernen',
    'Up': 'Nach oben',
    'Down': 'Nach unten',
    'Import JSON…': 'JSON importieren…',
    'Export JSON…': 'JSON exportieren…',
    '<b>JSON spec</b> (edits apply as you type)': '<b>JSON-Beschreibung</b> (Änderungen gelten sofort)',
    'Import spec': 'Beschreibung importieren',
    'JSON specs (*.json)': 'JSON-Beschreibungen (*.json)',
    'Export spec': 'Beschreibung exportieren',
    'input %1×%2×%3, %4 classes': 'Eingabe %1×%2×%3, %4 Klassen',
    '%1 layers, %2 trainable weights, %3 features into the last layer.':
        '%1 Schichten, %2 trainierbare Gewichte, %3 Merkmale in die letzte Schicht.',
    '(the network cannot be trained until this is fixed)': '(das Netz kann erst nach der Korrektur trainiert werden)',
    'Cannot write %1: %2': '%1 kann nicht geschrieben werden: %2',
    'Source': 'Quelle',
    'Fashion-MNIST (Debian package)': 'Fashion-MNIST (Debian-Paket)',
    'Folder (IDX files or class folders)': 'Ordner (IDX-Dateien oder Klassenordner)',
    'folder with train-images-idx3-ubyte or <class>/ folders': 'Ordner mit train-images-idx3-ubyte oder <Klasse>/-Ordnern',
    'Browse…': 'Durchsuchen…',
    ' px': ' px',
    'automatic': 'automatisch',
    'grayscale': 'Graustufen',
    'RGB': 'RGB',
    'Load': 'Laden',
    'Dataset:': 'Datensatz:',
    'Folder:': 'Ordner:',
    'Image size:': 'Bildgröße:',
    'Channels:': 'Kanäle:',
    'Split': 'Aufteilung',
    'stratified by class': 'nach Klassen geschichtet',
    'all': 'alle',
    'Validation fraction:': 'Validierungsanteil:',
    'Seed:': 'Startwert:',
    'Training images:': 'Trainingsbilder:',
    'Test images:': 'Testbilder:',
    'No dataset loaded.': 'Kein Datensatz geladen.',
    '◀ Previous': '◀ Zurück',
    'Next ▶': 'Weiter ▶',
    '<b>Random samples</b>': '<b>Zufällige Beispiele</b>',
    '<b>One example per class</b>': '<b>Ein Beispiel je Klasse</b>',
    '<b>Images per class</b>': '<b>Bilder je Klasse</b>',
    'Dataset folder': 'Datensatzordner',
    'Choose a dataset folder first.': 'Bitte zuerst einen Datensatzordner wählen.',
    'Loading %1…': '%1 wird geladen…',
    'Load %1': '%1 laden',
    '%n file(s) could not be read and were skipped:\n': (
        '%n Datei konnte nicht gelesen werden und wurde übersprungen:\n',
        '%n Dateien konnten nicht gelesen werden und wurden übersprungen:\n'),
    '<b>%1</b><br>%2<br>train: %3 images, test: %4 images<br>shape: %5 × %6 × %7 (C×H×W), %8 classes<br>per-channel mean ± std (train): %9':
        '<b>%1</b><br>%2<br>Training: %3 Bilder, Test: %4 Bilder<br>Form: %5 × %6 × %7 (C×H×W), %8 Klassen<br>Mittelwert ± Standardabweichung je Kanal (Training): %9',
    'page %1 of %2': 'Seite %1 von %2',
    '→ %1 training, %2 validation, %3 test images': '→ %1 Trainings-, %2 Validierungs-, %3 Testbilder',
    'queued': 'wartet',
    'running': 'läuft',
    'finished': 'fertig',
    'failed': 'fehlgeschlagen',
    'cancelled': 'abgebrochen',
    'unknown error': 'unbekannter Fehler',
    'Job': 'Auftrag',
    'State': 'Zustand',
    'Progress': 'Fortschritt',
    'ETA': 'Restzeit',
    'Status': 'Status',
    'Cancel': 'Abbrechen',
    'Cancel all': 'Alle abbrechen',
    'Clear finished': 'Erledigte entfernen',
    '&Dataset': '&Datensatz',
    '&Architecture': '&Architektur',
    '&Training': '&Training',
    'Session': 'Sitzung',
    'Jobs': 'Aufträge',
    'Device: %1 GPU(s), %2': 'Gerät: %1 GPU(s), %2',
    'Device: CPU, %1 cores': 'Gerät: CPU, %1 Kerne',
    '%n job(s) running': ('%n Auftrag läuft', '%n Aufträge laufen'),
    'Dataset': 'Datensatz',
    '&File': '&Datei',
    '&New Session': '&Neue Sitzung',
    '&Open Session…': 'Sitzung ö&ffnen…',
    'Open Session': 'Sitzung öffnen',
    'Workbench sessions (*.wbs);;All files (*)': 'Workbench-Sitzungen (*.wbs);;Alle Dateien (*)',
    'Open &Recent': '&Zuletzt geöffnet',
    'Save Session &As…': 'Sitzung speichern &unter…',
    'Save Session As': 'Sitzung speichern unter',
    'Workbench sessions (*.wbs)': 'Workbench-Sitzungen (*.wbs)',
    '&Export All Plots…': 'Alle Diagramme e&xportieren…',
    'Export All Plots': 'Alle Diagramme exportieren',
    '&Quit': '&Beenden',
    '&View': '&Ansicht',
    '&Language': '&Sprache',
    'System default': 'Systemvorgabe',
    'Language': 'Sprache',
    'The language changes when the workbench is started again.': 'Die Sprache wechselt beim nächsten Start der Workbench.',
    '&Run': 'Aus&führen',
    '&Train': '&Trainieren',
    'Train': 'Trainieren',
    '&Cancel Training': 'Training a&bbrechen',
    'Cancel &All Jobs': '&Alle Aufträge abbrechen',
    '&Help': '&Hilfe',
    '&About Sufficiency Workbench': '&Über Sufficiency Workbench',
    'About &Qt': 'Über &Qt',
    'New Session': 'Neue Sitzung',
    'Wait for the running jobs to finish, or cancel them, first.': 'Bitte erst warten, bis die laufenden Aufträge fertig sind, oder sie abbrechen.',
    'The session could not be opened, and was not changed:\n\n%1': 'Die Sitzung konnte nicht geöffnet werden und wurde nicht verändert:\n\n%1',
    '%1 — Sufficiency Workbench': '%1 — Sufficiency Workbench',
    '%n file(s) written to %1': ('%n Datei nach %1 geschrieben', '%n Dateien nach %1 geschrieben'),
    'Quit': 'Beenden',
    '%n job(s) are still running. Cancel them and quit? Finished epochs are kept in the session; cancelled runs can be resumed.': (
        '%n Auftrag läuft noch. Abbrechen und beenden? Abgeschlossene Epochen bleiben in der Sitzung; abgebrochene Läufe lassen sich fortsetzen.',
        '%n Aufträge laufen noch. Abbrechen und beenden? Abgeschlossene Epochen bleiben in der Sitzung; abgebrochene Läufe lassen sich fortsetzen.'),
    'About Sufficiency Workbench': 'Über Sufficiency Workbench',
    '<h3>Sufficiency Workbench %1</h3><p>Deep learning on small image datasets: is it worth collecting more data?</p><p>Qt %2<br>LibTorch %3<br>CUDA devices: %4</p>':
        '<h3>Sufficiency Workbench %1</h3><p>Deep Learning auf kleinen Bilddatensätzen: Lohnt es sich, mehr Daten zu sammeln?</p><p>Qt %2<br>LibTorch %3<br>CUDA-Geräte: %4</p>',
    'Untitled': 'Unbenannt',
    'Cannot create a temporary folder for the new session.': 'Für die neue Sitzung kann kein temporärer Ordner angelegt werden.',
    '%1 does not exist.': '%1 existiert nicht.',
    '%1 is read-only. Copy it somewhere writable, or change its permissions, to work with it.':
        '%1 ist schreibgeschützt. Bitte an einen beschreibbaren Ort kopieren oder die Rechte ändern, um damit zu arbeiten.',
    'No session is open.': 'Keine Sitzung geöffnet.',
    'Details': 'Details',
    'Datasets': 'Datensätze',
    'Models': 'Modelle',
    'Runs': 'Läufe',
    'Studies': 'Studien',
    '%1 train / %2 test, %3 classes': '%1 Training / %2 Test, %3 Klassen',
    '#%1': 'Nr. %1',
    ', test accuracy %1': ', Testgenauigkeit %1',
    'Error': 'Fehler',
    'Nesterov': 'Nesterov',
    'constant': 'konstant',
    'step (÷10 at 50% and 75%)': 'Stufen (÷10 bei 50 % und 75 %)',
    'one-cycle': 'One-Cycle',
    'flat, then cosine': 'flach, dann Kosinus',
    'CPU': 'CPU',
    'Optimizer:': 'Optimierer:',
    'Learning rate:': 'Lernrate:',
    'Momentum / β1:': 'Momentum / β1:',
    'Weight decay:': 'Gewichtsabnahme:',
    'Schedule:': 'Verlauf:',
    'Label smoothing:': 'Label-Glättung:',
    'Epochs:': 'Epochen:',
    'Batch size:': 'Batchgröße:',
    'Device:': 'Gerät:',
    'Train the current architecture on the current dataset (Ctrl+R)': 'Die aktuelle Architektur auf dem aktuellen Datensatz trainieren (Strg+R)',
    'Training': 'Training',
    'Run': 'Lauf',
    'Test acc.': 'Testgen.',
    '<b>Runs</b> (tick to overlay)': '<b>Läufe</b> (zum Überlagern ankreuzen)',
    'Smoothing:': 'Glättung:',
    'Epoch': 'Epoche',
    'Train loss': 'Trainingsverlust',
    'Train acc.': 'Trainingsgen.',
    'Val. loss': 'Val.-Verlust',
    'Val. acc.': 'Val.-Gen.',
    'lr': 'lr',
    'Seconds': 'Sekunden',
    'Load a dataset first.': 'Bitte zuerst einen Datensatz laden.',
    'Fix the architecture first: %1': 'Bitte zuerst die Architektur korrigieren: %1',
    'The architecture is invalid: %1': 'Die Architektur ist ungültig: %1',
    'Train run %1 (%2)': 'Lauf %1 trainieren (%2)',
    'Run %1 failed: %2': 'Lauf %1 fehlgeschlagen: %2',
    'Run %1 %2. %3': 'Lauf %1: %2. %3',
    'Run %1 started.': 'Lauf %1 gestartet.',
    'train': 'Training',
    'test': 'Test',
    'images': 'Bilder',
    "'%1' is not of the form name=number": "'%1' hat nicht die Form Name=Zahl",
    'error': 'Fehler',
    'Layer %1: %2': 'Schicht %1: %2',
    'Layer': 'Schicht',
    'Parameters': 'Parameter',
    'Output shape': 'Ausgabeform',
    'Weights': 'Gewichte',
    'The size must be 16 to 20000 pixels and the DPI 24 to 1200.': 'Die Größe muss 16 bis 20000 Pixel und die Auflösung 24 bis 1200 DPI betragen.',
    'Cannot write %1.': '%1 kann nicht geschrieben werden.',
    'Export PNG…': 'Als PNG exportieren…',
    'Export PDF…': 'Als PDF exportieren…',
    'Export CSV…': 'Als CSV exportieren…',
    'Reset view': 'Ansicht zurücksetzen',
    'Export PNG': 'PNG exportieren',
    'Height:': 'Höhe:',
    'DPI:': 'DPI:',
    'PNG images (*.png)': 'PNG-Bilder (*.png)',
    'Export PDF': 'PDF exportieren',
    'PDF documents (*.pdf)': 'PDF-Dokumente (*.pdf)',
    'Export CSV': 'CSV exportieren',
    'CSV files (*.csv)': 'CSV-Dateien (*.csv)',
    'epoch': 'Epoche',
    'epoch   (lines: smoothed batches, dots: validation)': 'Epoche   (Linien: geglättete Batches, Punkte: Validierung)',
    'loss': 'Verlust',
    'accuracy': 'Genauigkeit',
    ' (batches)': ' (Batches)',
    ' · validation': ' · Validierung',
}


def main(path):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text or ''
        translation = message.find('translation')
        value = DE.get(source)
        if value is None:
            missing.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        translation.attrib.pop('type', None)
        if message.get('numerus') == 'yes':
            forms = value if isinstance(value, tuple) else (value, value)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, 'numerusform').text = form
        else:
            translation.text = value[0] if isinstance(value, tuple) else value
    tree.write(path, encoding='utf-8', xml_declaration=True)
    if missing:
        print('untranslated:', *missing, sep='\n  ', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'translations/workbench_de.ts'))
