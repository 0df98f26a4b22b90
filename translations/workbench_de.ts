<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ActiveViews</name>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="34" />
        <source>labelled images</source>
        <translation>gelabelte Bilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="35" />
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="52" />
        <source>full data, %1 images (n=%2)</source>
        <translation>alle Daten, %1 Bilder (n=%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="57" />
        <source>Median over trials with the 25–75% band; faint lines: single trials. Every round of every strategy trains %1 steps.</source>
        <translation>Median über Versuche mit dem 25–75-%-Band; blasse Linien: einzelne Versuche. Jede Runde jeder Strategie trainiert %1 Schritte.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="91" />
        <source>test accuracy level</source>
        <translation>Testgenauigkeits-Niveau</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="92" />
        <source>labelled images needed (median over trials)</source>
        <translation>benötigte gelabelte Bilder (Median über Versuche)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="111" />
        <source>△ at %1 labels: half or more of the trials never reached that level within the budget (censored, not averaged in).</source>
        <translation>△ bei %1 Labels: die Hälfte der Versuche oder mehr erreichte dieses Niveau nie im Budget (zensiert, nicht eingemittelt).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="120" />
        <source>share of picks (%)</source>
        <translation>Anteil der Auswahl (%)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="121" />
        <source>strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="122" />
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activeviews.cpp" line="153" />
        <source>A balanced pick gives each class about %1%.</source>
        <translation>Eine ausgewogene Auswahl gibt jeder Klasse etwa %1 %.</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="68" />
        <source>epoch %1/%2, loss %3</source>
        <translation>Epoche %1/%2, Verlust %3</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="72" />
        <source>cancelled during epoch %1</source>
        <translation>in Epoche %1 abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="75" />
        <source>loaded %1 + %2 images</source>
        <translation>%1 + %2 Bilder geladen</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="79" />
        <source>reading the test set</source>
        <translation>lese den Testsatz</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="81" />
        <source>reading %1</source>
        <translation>lese %1</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="83" />
        <source>decoding images</source>
        <translation>dekodiere Bilder</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="86" />
        <source>iteration %1, KL %2</source>
        <translation>Iteration %1, KL %2</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="90" />
        <source>repeat %1, lr %2</source>
        <translation>Wiederholung %1, LR %2</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="93" />
        <source>accuracy %1</source>
        <translation>Genauigkeit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="95" />
        <source>step %1/%2</source>
        <translation>Schritt %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="98" />
        <source>round %1/%2: test accuracy %3</source>
        <translation>Runde %1/%2: Testgenauigkeit %3</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="102" />
        <source>diverged: %1</source>
        <translation>divergiert: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="79" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="95" />
        <source>No class histogram: %1</source>
        <translation>Kein Klassenhistogramm: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="105" />
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="138" />
        <source>Run %1 is hidden on the Training page: left out.</source>
        <translation>Lauf %1 ist auf der Seite Training ausgeblendet: ausgelassen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="166" />
        <source>The session has no runs: no training plots.</source>
        <translation>Die Sitzung enthält keine Läufe: keine Trainingsdiagramme.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="179" />
        <source>LR test %1 cannot be plotted: %2</source>
        <translation>LR-Test %1 kann nicht dargestellt werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="260" />
        <source>Study %1 cannot be plotted: %2</source>
        <translation>Studie %1 kann nicht dargestellt werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexport.cpp" line="282" />
        <source>No dataset available: no class histogram.</source>
        <translation>Kein Datensatz verfügbar: kein Klassenhistogramm.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationexport.cpp" line="38" />
        <source>The evaluation of run %1 cannot be plotted: %2</source>
        <translation>Die Auswertung von Lauf %1 kann nicht geplottet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationexport.cpp" line="58" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../app/gui/report/reportoutput.cpp" line="63" />
        <location filename="../app/gui/report/reportoutput.cpp" line="78" />
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/report/reportoutput.cpp" line="64" />
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="30" />
        <location filename="../core/src/report/runreport.cpp" line="26" />
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="31" />
        <source>submitted to Slurm</source>
        <translation>an Slurm übergeben</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="32" />
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="33" />
        <location filename="../core/src/report/runreport.cpp" line="28" />
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="34" />
        <location filename="../core/src/report/studyreport.cpp" line="189" />
        <location filename="../core/src/report/runreport.cpp" line="30" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="35" />
        <location filename="../core/src/report/runreport.cpp" line="31" />
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="83" />
        <source>This study is incomplete (%1): %2 of %3 cells are done.</source>
        <translation>Diese Studie ist unvollständig (%1): %2 von %3 Zellen sind fertig.</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="86" />
        <source>Every number below comes from the finished cells only. To finish it where it is stored:</source>
        <translation>Jede Zahl unten stammt nur aus den fertigen Zellen. So wird sie dort fertiggestellt, wo sie gespeichert ist:</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="152" />
        <location filename="../core/src/report/runreport.cpp" line="245" />
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="153" />
        <location filename="../core/src/report/studyreport.cpp" line="154" />
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="155" />
        <location filename="../core/src/report/runreport.cpp" line="248" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="155" />
        <source>%1, %2 of %3 cells done, %4 failed</source>
        <translation>%1, %2 von %3 Zellen fertig, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="158" />
        <location filename="../core/src/report/runreport.cpp" line="249" />
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="159" />
        <location filename="../core/src/report/runreport.cpp" line="250" />
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="160" />
        <location filename="../core/src/report/runreport.cpp" line="251" />
        <source>Computing time</source>
        <translation>Rechenzeit</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="160" />
        <source>%1 s wall-clock over all executions</source>
        <translation>%1 s Laufzeit über alle Ausführungen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="95" />
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="103" />
        <location filename="../core/src/report/studyreport.cpp" line="121" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="104" />
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="105" />
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="105" />
        <source>%1 training, %2 test</source>
        <translation>%1 Training, %2 Test</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="107" />
        <source>Image shape</source>
        <translation>Bildform</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="109" />
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="110" />
        <source>Content fingerprint</source>
        <translation>Inhalts-Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="112" />
        <source>The session holds no dataset record for this study (made by an older version).</source>
        <translation>Die Sitzung enthält keinen Datensatz-Eintrag für diese Studie (mit einer älteren Version erstellt).</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="120" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="128" />
        <location filename="../core/src/report/studyreport.cpp" line="135" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="129" />
        <source>Forward FLOPs per image</source>
        <translation>Vorwärts-FLOPs je Bild</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="130" />
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="133" />
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="135" />
        <source>not computed: %1</source>
        <translation>nicht berechnet: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="167" />
        <location filename="../core/src/report/runreport.cpp" line="265" />
        <source>Training settings</source>
        <translation>Trainingseinstellungen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="180" />
        <location filename="../core/src/report/runreport.cpp" line="47" />
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="180" />
        <location filename="../core/src/report/runreport.cpp" line="47" />
        <source>damaged in the session</source>
        <translation>in der Sitzung beschädigt</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="184" />
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="189" />
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="192" />
        <source>cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="192" />
        <source>status</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="192" />
        <location filename="../core/src/report/variancereport.cpp" line="137" />
        <location filename="../core/src/report/runreport.cpp" line="124" />
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="192" />
        <source>host</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="193" />
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="193" />
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="195" />
        <source>The finished cells (%1 of %2), where and how long each ran: %3 s in all.</source>
        <translation>Die fertigen Zellen (%1 von %2), wo und wie lange jede lief: insgesamt %3 s.</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="145" />
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="200" />
        <source>Written by</source>
        <translation>Geschrieben von</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="201" />
        <source>Written on</source>
        <translation>Geschrieben auf</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="202" />
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="203" />
        <source>Written at</source>
        <translation>Geschrieben am</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="209" />
        <location filename="../core/src/report/runreport.cpp" line="270" />
        <source>How to reproduce</source>
        <translation>So wird sie reproduziert</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="217" />
        <source>The study's configuration is damaged in the session: it cannot be reproduced from this report.</source>
        <translation>Die Konfiguration der Studie ist in der Sitzung beschädigt: Aus diesem Bericht lässt sie sich nicht reproduzieren.</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="221" />
        <source>Every cell is a pure function of the study's configuration and the cell's index: the seeds come from the study's seed and the index, never from threads, timing or order. With the same dataset (%1, fingerprint %2), this command recreates the study from scratch in a new session and runs its %3 cells:</source>
        <translation>Jede Zelle ist eine reine Funktion der Konfiguration der Studie und ihres Index: Die Startwerte kommen aus dem Startwert der Studie und dem Index, nie aus Threads, Zeitpunkten oder Reihenfolge. Mit demselben Datensatz (%1, Fingerabdruck %2) legt dieser Befehl die Studie in einer neuen Sitzung von Grund auf neu an und rechnet ihre %3 Zellen:</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="237" />
        <source>The configuration is embedded in this report (below, and in a PDF's metadata); saved as a file of its own, it works the same. On the same kind of CPU with the same LibTorch build the cells come out the same to the last digit. On another CPU (AVX2 against AVX-512, say) or a GPU, the float rounding of training differs: the numbers can differ in their last digits, and over many epochs by more. Compare them with %1.</source>
        <translation>Die Konfiguration steckt in diesem Bericht (unten, und in den Metadaten einer PDF); als eigene Datei gespeichert, funktioniert sie genauso. Auf derselben CPU-Art mit demselben LibTorch-Build kommen die Zellen bis zur letzten Stelle gleich heraus. Auf einer anderen CPU (etwa AVX2 statt AVX-512) oder einer GPU rundet das Training Gleitkommazahlen anders: Die Zahlen können sich in den letzten Stellen unterscheiden, über viele Epochen auch mehr. Vergleichen Sie sie mit %1.</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="244" />
        <source>The study's configuration (JSON)</source>
        <translation>Die Konfiguration der Studie (JSON)</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="29" />
        <source>50%: %1–%2; 80%: %3–%4; 95%: %5–%6</source>
        <translation>50 %: %1–%2; 80 %: %3–%4; 95 %: %5–%6</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="39" />
        <source>reached — %1 measured at %2 images (≈ %3 by interpolation between the measured sizes).</source>
        <translation>erreicht — %1 gemessen bei %2 Bildern (≈ %3 durch Interpolation zwischen den gemessenen Größen).</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="42" />
        <source>≈ %1 images needed (%2), projected beyond the largest measured size, %3 images.</source>
        <translation>≈ %1 Bilder nötig (%2), hochgerechnet über die größte gemessene Größe hinaus, %3 Bilder.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="45" />
        <source>not reached on the fitted curve — it levels off at %1 (80%: from %2 images, if at all).</source>
        <translation>auf der angepassten Kurve nicht erreicht — sie flacht bei %1 ab (80 %: ab %2 Bildern, wenn überhaupt).</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="51" />
        <source>no answer — the accuracy falls with more data over the measured sizes; there is no learning curve to project.</source>
        <translation>keine Antwort — die Genauigkeit fällt mit mehr Daten über die gemessenen Größen; es gibt keine Lernkurve zum Hochrechnen.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="53" />
        <source>no answer — every curve family misses the measured points at the largest sizes.</source>
        <translation>keine Antwort — jede Kurvenfamilie verfehlt die gemessenen Punkte bei den größten Größen.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="60" />
        <location filename="../core/src/report/gridreport.cpp" line="197" />
        <source>training images (log scale)</source>
        <translation>Trainingsbilder (logarithmisch)</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="61" />
        <location filename="../core/src/report/gridreport.cpp" line="233" />
        <location filename="../core/src/report/variancereport.cpp" line="105" />
        <location filename="../core/src/report/variancereport.cpp" line="136" />
        <location filename="../core/src/report/activereport.cpp" line="129" />
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="77" />
        <location filename="../core/src/report/sufficiencyreport.cpp" line="220" />
        <source>95% band</source>
        <translation>95-%-Band</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="78" />
        <location filename="../core/src/report/sufficiencyreport.cpp" line="220" />
        <source>80% band</source>
        <translation>80-%-Band</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="79" />
        <location filename="../core/src/report/sufficiencyreport.cpp" line="219" />
        <source>50% band</source>
        <translation>50-%-Band</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="81" />
        <source>answer: measured, then projected</source>
        <translation>Antwort: gemessen, dann hochgerechnet</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="83" />
        <source>projection (not measured)</source>
        <translation>Hochrechnung (nicht gemessen)</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="101" />
        <source>mean ± std over %1 runs</source>
        <translation>Mittelwert ± Standardabweichung über %1 Läufe</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="102" />
        <source>measured, left out of the fit</source>
        <translation>gemessen, nicht in der Anpassung</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="113" />
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="115" />
        <source>Test accuracy against the number of training images. Dots: the mean over the runs at each measured size, bars ± one standard deviation; rings: measured sizes left out of the fit (fitting from them predicted the larger sizes worse). Solid line: the answer's curve through the measurements; dashed: its projection beyond them; shaded: the calibrated 50%, 80% and 95% bands of the projection. Dashed red: the targets. Read the images needed where a target meets the curve and its bands.</source>
        <translation>Testgenauigkeit über der Zahl der Trainingsbilder. Punkte: der Mittelwert über die Läufe bei jeder gemessenen Größe, Balken ± eine Standardabweichung; Ringe: gemessene Größen, die nicht in die Anpassung eingehen (mit ihnen wurden die größeren Größen schlechter vorhergesagt). Durchgezogene Linie: die Kurve der Antwort durch die Messungen; gestrichelt: ihre Hochrechnung darüber hinaus; schattiert: die kalibrierten 50-, 80- und 95-%-Bänder der Hochrechnung. Rot gestrichelt: die Ziele. Die nötigen Bilder liest man dort ab, wo ein Ziel die Kurve und ihre Bänder trifft.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="132" />
        <source>Data sufficiency: %1</source>
        <translation>Datenbedarf: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="134" />
        <source>Question: how many training images does %1 need on %2 to reach a test accuracy of %3?</source>
        <translation>Frage: Wie viele Trainingsbilder braucht %1 auf %2, um eine Testgenauigkeit von %3 zu erreichen?</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="145" />
        <source>No run of this study has finished: there is nothing measured to answer from.</source>
        <translation>Kein Lauf dieser Studie ist fertig: Es gibt nichts Gemessenes, woraus sich antworten ließe.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="151" />
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="154" />
        <location filename="../core/src/report/gridreport.cpp" line="64" />
        <location filename="../core/src/report/variancereport.cpp" line="41" />
        <location filename="../core/src/report/activereport.cpp" line="62" />
        <location filename="../core/src/report/runreport.cpp" line="73" />
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="158" />
        <source>No answer: the study has fewer than 3 distinct sizes.</source>
        <translation>Keine Antwort: die Studie hat weniger als 3 verschiedene Umfänge.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="166" />
        <source>Next step: %1</source>
        <translation>Nächster Schritt: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="171" />
        <source>From %1 finished runs of %2 measured sizes (%3 to %4 images). The bands come from the spread of the runs, calibrated on %5 real learning curves: an 80% band holds the true answer in about 80% of such studies.</source>
        <translation>Aus %1 fertigen Läufen über %2 gemessene Größen (%3 bis %4 Bilder). Die Bänder kommen aus der Streuung der Läufe, kalibriert an %5 echten Lernkurven: Ein 80-%-Band enthält die wahre Antwort in etwa 80 % solcher Studien.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="187" />
        <source>Learning curve</source>
        <translation>Lernkurve</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="200" />
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="200" />
        <source>fitted</source>
        <translation>angepasst</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="202" />
        <location filename="../core/src/report/sufficiencyreport.cpp" line="219" />
        <location filename="../core/src/report/gridreport.cpp" line="231" />
        <location filename="../core/src/report/runreport.cpp" line="171" />
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="202" />
        <source>mean accuracy</source>
        <translation>mittlere Genauigkeit</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="202" />
        <location filename="../core/src/report/gridreport.cpp" line="233" />
        <source>std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="203" />
        <source>lowest run</source>
        <translation>niedrigster Lauf</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="203" />
        <source>highest run</source>
        <translation>höchster Lauf</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="203" />
        <source>in the fit</source>
        <translation>in der Anpassung</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="205" />
        <source>Measured: test accuracy at each training set size over the %1 finished runs.</source>
        <translation>Gemessen: Testgenauigkeit bei jeder Größe der Trainingsmenge über die %1 fertigen Läufe.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="219" />
        <source>projected accuracy</source>
        <translation>hochgerechnete Genauigkeit</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="222" />
        <source>Projected, not measured: the accuracy the curve gives at twice and four times the largest measured size, with its calibrated bands.</source>
        <translation>Hochgerechnet, nicht gemessen: die Genauigkeit, die die Kurve beim Doppelten und Vierfachen der größten gemessenen Größe ergibt, mit ihren kalibrierten Bändern.</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="237" />
        <location filename="../core/src/report/gridreport.cpp" line="249" />
        <location filename="../core/src/report/variancereport.cpp" line="144" />
        <source>Training set size L</source>
        <translation>Größe der Trainingsmenge L</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="72" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="74" />
        <source>Test images T</source>
        <translation>Testbilder T</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="75" />
        <source>How L and T are picked</source>
        <translation>Wie L und T gewählt werden</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="232" />
        <source>Runs R</source>
        <translation>Läufe R</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="233" />
        <source>Measured sizes</source>
        <translation>Gemessene Größen</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="234" />
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="235" />
        <source>warm start: the weights carry over from one size to the next</source>
        <translation>Warmstart: Die Gewichte gehen von einer Größe zur nächsten über</translation>
    </message>
    <message>
        <location filename="../core/src/report/sufficiencyreport.cpp" line="236" />
        <source>fresh: new weights at every size</source>
        <translation>neu: neue Gewichte bei jeder Größe</translation>
    </message>
    <message>
        <location filename="../core/src/report/studyreport.cpp" line="76" />
        <source>Study seed</source>
        <translation>Startwert der Studie</translation>
    </message>
    <message>
        <location filename="../core/src/report/reportwriter.cpp" line="56" />
        <source>Table %1.</source>
        <translation>Tabelle %1.</translation>
    </message>
    <message>
        <location filename="../core/src/report/reportwriter.cpp" line="84" />
        <source>Figure %1.</source>
        <translation>Abbildung %1.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="54" />
        <source>Scaling grid: %1</source>
        <translation>Skalierungsraster: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="56" />
        <source>Question: for %1 on %2, does the test loss fall more with a bigger model or with more training images — and where does either stop paying?</source>
        <translation>Frage: Sinkt der Testverlust von %1 auf %2 stärker mit einem größeren Modell oder mit mehr Trainingsbildern — und wo lohnt sich beides nicht mehr?</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="74" />
        <source>No law: %1. The cells' own numbers are below.</source>
        <translation>Kein Gesetz: %1. Die Werte der Zellen selbst stehen unten.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="83" />
        <source>Fitted law: L(N, D) = E + A/N^α + B/D^β on %1 cells, with 95% bootstrap intervals: E %2, A %3, B %4, α %5, β %6.</source>
        <translation>Angepasstes Gesetz: L(N, D) = E + A/N^α + B/D^β auf %1 Zellen, mit 95-%-Bootstrap-Intervallen: E %2, A %3, B %4, α %5, β %6.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="88" />
        <source>%1% off</source>
        <translation>%1 % daneben</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="89" />
        <source>not measured (too few cells)</source>
        <translation>nicht gemessen (zu wenige Zellen)</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="91" />
        <source>How well it holds: the cells are missed by %1% (median); fitted without them, the law predicted the largest model %2 and the largest data size %3.</source>
        <translation>Wie gut es passt: Die Zellen werden um %1 % verfehlt (Median); ohne sie angepasst, sagte das Gesetz das größte Modell %2 und die größte Datenmenge %3 vorher.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="110" />
        <source>No predictions: the law does not describe these cells well enough (see the warnings). The largest cell measured %1; the cells' own numbers are below.</source>
        <translation>Keine Vorhersagen: Das Gesetz beschreibt diese Zellen nicht gut genug (siehe die Warnungen). Die größte Zelle ergab gemessen %1; die Werte der Zellen selbst stehen unten.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="121" />
        <source>Predicted test loss at the largest cell (%1 parameters, %2 images; measured %3, the law's fit %4): with twice the images %5; with twice the parameters %6.</source>
        <translation>Vorhergesagter Testverlust an der größten Zelle (%1 Parameter, %2 Bilder; gemessen %3, Anpassung des Gesetzes %4): mit doppelt so vielen Bildern %5; mit doppelt so vielen Parametern %6.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="130" />
        <source>At %1 images, doubling a model beyond %2 parameters gains less than 1% (%3× the largest model measured).</source>
        <translation>Bei %1 Bildern bringt ein Verdoppeln über %2 Parameter hinaus weniger als 1 % (%3× das größte gemessene Modell).</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="136" />
        <source>Compute-optimal at the largest cell's one-pass compute (%1 FLOPs): %2 parameters on %3 images, loss %4.</source>
        <translation>Rechenoptimal beim Aufwand eines Durchlaufs der größten Zelle (%1 FLOPs): %2 Parameter auf %3 Bildern, Verlust %4.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="141" />
        <source>A law fitted on the grid says little far outside it: trust its answers within about 2× the measured model and data sizes.</source>
        <translation>Ein am Raster angepasstes Gesetz sagt weit außerhalb wenig aus: Vertrauen Sie seinen Antworten bis etwa zum Doppelten der gemessenen Modell- und Datengrößen.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="162" />
        <source>Measured cells</source>
        <translation>Gemessene Zellen</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="165" />
        <source>parameters (log scale)</source>
        <translation>Parameter (logarithmisch)</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="166" />
        <location filename="../core/src/report/gridreport.cpp" line="232" />
        <location filename="../core/src/report/variancereport.cpp" line="137" />
        <source>test loss</source>
        <translation>Testverlust</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="184" />
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="191" />
        <source>Test loss against model size, one line per training set size (the mean over seeds; dots: measured). Dashed, where the law can be trusted: the fitted law at the same cells. Lines that flatten to the right: a bigger model no longer helps at that amount of data.</source>
        <translation>Testverlust über der Modellgröße, eine Linie je Größe der Trainingsmenge (Mittelwert über die Startwerte; Punkte: gemessen). Gestrichelt, wo dem Gesetz zu trauen ist: das angepasste Gesetz an denselben Zellen. Linien, die nach rechts abflachen: Ein größeres Modell hilft bei dieser Datenmenge nicht mehr.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="211" />
        <source>width %1 (%2 parameters)</source>
        <translation>Breite %1 (%2 Parameter)</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="217" />
        <source>Test loss against the number of training images, one line per model width (the mean over seeds). Lines that flatten to the right: more data no longer helps that model.</source>
        <translation>Testverlust über der Zahl der Trainingsbilder, eine Linie je Modellbreite (Mittelwert über die Startwerte). Linien, die nach rechts abflachen: Mehr Daten helfen diesem Modell nicht mehr.</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="230" />
        <source>width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="230" />
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="231" />
        <source>forward FLOPs</source>
        <translation>Vorwärts-FLOPs</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="232" />
        <source>seeds</source>
        <translation>Startwerte</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="234" />
        <source>Measured: every finished cell of the grid (mean over its seeds).</source>
        <translation>Gemessen: jede fertige Zelle des Rasters (Mittelwert über ihre Startwerte).</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="245" />
        <source>Widths</source>
        <translation>Breiten</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="246" />
        <source>Fractions of the training set</source>
        <translation>Anteile der Trainingsmenge</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="247" />
        <source>Seeds per cell</source>
        <translation>Startwerte je Zelle</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="248" />
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../core/src/report/gridreport.cpp" line="253" />
        <source>(widths %1; parameters and FLOPs per width in the table above)</source>
        <translation>(Breiten %1; Parameter und FLOPs je Breite in der Tabelle oben)</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="26" />
        <source>A/B comparison: %1</source>
        <translation>A/B-Vergleich: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="26" />
        <source>Variance: %1</source>
        <translation>Varianz: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="30" />
        <source>Question: is %1 really better than %2 on %3, or is the difference the noise of training (seeds, batch order, initial weights)?</source>
        <translation>Frage: Ist %1 auf %3 wirklich besser als %2, oder ist der Unterschied das Rauschen des Trainings (Startwerte, Batch-Reihenfolge, Anfangsgewichte)?</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="35" />
        <source>Question: how much does the test accuracy of %1 on %2 vary from one training to the next, and how large must a difference be to be real?</source>
        <translation>Frage: Wie stark schwankt die Testgenauigkeit von %1 auf %2 von einem Training zum nächsten, und wie groß muss ein Unterschied sein, um echt zu sein?</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="42" />
        <location filename="../core/src/report/activereport.cpp" line="85" />
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="49" />
        <source>No verdict for %1 against %2: fewer than 2 repeats of both have finished.</source>
        <translation>Kein Urteil für %1 gegen %2: Von beiden sind weniger als 2 Wiederholungen fertig.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="59" />
        <source>paired t-test, the repeats share seeds</source>
        <translation>gepaarter t-Test, die Wiederholungen teilen Startwerte</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="60" />
        <source>Welch's t-test, the repeats do not share seeds</source>
        <translation>Welch-t-Test, die Wiederholungen teilen keine Startwerte</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="56" />
        <source>%1 is better than %2 by %3 percentage points (95% interval %4 to %5): the difference is real at 95% (%6, p = %7).</source>
        <translation>%1 ist um %3 Prozentpunkte besser als %2 (95-%-Intervall %4 bis %5): Der Unterschied ist auf 95-%-Niveau echt (%6, p = %7).</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="57" />
        <source>%1 is worse than %2 by %3 percentage points (95% interval %4 to %5): the difference is real at 95% (%6, p = %7).</source>
        <translation>%1 ist um %3 Prozentpunkte schlechter als %2 (95-%-Intervall %4 bis %5): Der Unterschied ist auf 95-%-Niveau echt (%6, p = %7).</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="58" />
        <source>%1 and %2 are not distinguishable: %1 − %2 is %3 percentage points (95% interval %4 to %5; %6, p = %7).</source>
        <translation>%1 und %2 sind nicht unterscheidbar: %1 − %2 beträgt %3 Prozentpunkte (95-%-Intervall %4 bis %5; %6, p = %7).</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="65" />
        <source>With %1 repeats each, a difference of %2 percentage points is detected 80% of the time; %3. As a check, the other test: %4, p = %5.</source>
        <translation>Mit je %1 Wiederholungen wird ein Unterschied von %2 Prozentpunkten in 80 % der Fälle erkannt; %3. Zur Kontrolle der andere Test: %4, p = %5.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="68" />
        <source>about %1 repeats each would detect the observed %2 points</source>
        <translation>etwa je %1 Wiederholungen würden die beobachteten %2 Punkte erkennen</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="71" />
        <source>no practical number of repeats detects a difference this small</source>
        <translation>keine praktikable Zahl von Wiederholungen erkennt einen so kleinen Unterschied</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="73" />
        <source>Welch's t</source>
        <translation>Welch-t</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="73" />
        <source>paired t</source>
        <translation>gepaarter t</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="79" />
        <source>What %1 changes against %2: %3.</source>
        <translation>Was %1 gegenüber %2 ändert: %3.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="81" />
        <source>nothing but its name</source>
        <translation>nichts außer dem Namen</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="87" />
        <source>No answer yet: fewer than 2 repeats have finished.</source>
        <translation>Noch keine Antwort: Weniger als 2 Wiederholungen sind fertig.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="90" />
        <source>Over %1 repeats the test accuracy is %2 ± %3 (standard deviation); the mean lies between %4 and %5 (95%). Two setups compared on %1 shared seeds each need a difference well above the spread to tell apart.</source>
        <translation>Über %1 Wiederholungen beträgt die Testgenauigkeit %2 ± %3 (Standardabweichung); der Mittelwert liegt zwischen %4 und %5 (95 %). Zwei Aufbauten, verglichen über je %1 gemeinsame Startwerte, brauchen einen Unterschied deutlich über der Streuung, um unterscheidbar zu sein.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="101" />
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="103" />
        <source>repeat (the same seed for every setup)</source>
        <translation>Wiederholung (derselbe Startwert für jeden Aufbau)</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="124" />
        <source>mean of %1</source>
        <translation>Mittelwert von %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="129" />
        <source>Test accuracy of every repeat, one colour per setup; repeat k of every setup trained with the same seed (initial weights, batch order, dropout), so the setups' dots at one repeat are a pair. Dashed: each setup's mean.</source>
        <translation>Testgenauigkeit jeder Wiederholung, eine Farbe je Aufbau; Wiederholung k jedes Aufbaus wurde mit demselben Startwert trainiert (Anfangsgewichte, Batch-Reihenfolge, Dropout), die Punkte der Aufbauten bei einer Wiederholung sind also ein Paar. Gestrichelt: der Mittelwert jedes Aufbaus.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="133" />
        <source>Test accuracy of every repeat (each with its own seed). Dashed: the mean.</source>
        <translation>Testgenauigkeit jeder Wiederholung (jede mit eigenem Startwert). Gestrichelt: der Mittelwert.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="135" />
        <source>setup</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="135" />
        <source>repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="136" />
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="138" />
        <source>Measured: every finished repeat.</source>
        <translation>Gemessen: jede fertige Wiederholung.</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="142" />
        <source>Repeats per setup</source>
        <translation>Wiederholungen je Aufbau</translation>
    </message>
    <message>
        <location filename="../core/src/report/variancereport.cpp" line="143" />
        <source>Setups</source>
        <translation>Aufbauten</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="53" />
        <source>Active learning: %1</source>
        <translation>Aktives Lernen: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="55" />
        <source>Question: which way of choosing the next images to label (%1) lets %2 on %3 reach an accuracy with the fewest labels — and how many does it save against labelling images picked at random (uniform)?</source>
        <translation>Frage: Mit welcher Art, die nächsten zu labelnden Bilder zu wählen (%1), erreicht %2 auf %3 eine Genauigkeit mit den wenigsten Labels — und wie viele spart sie gegenüber zufällig gewählten Bildern (uniform)?</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="81" />
        <source>To reach %1 test accuracy, %2 needed %3 labels and uniform %4 (medians over %5 and %6 trials): %7 of the labels %8.</source>
        <translation>Um %1 Testgenauigkeit zu erreichen, brauchte %2 %3 Labels und uniform %4 (Mediane über %5 und %6 Versuche): %7 der Labels %8.</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="87" />
        <source>saved</source>
        <translation>gespart</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="88" />
        <source>more</source>
        <translation>mehr</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="91" />
        <source>To reach %1 test accuracy, uniform needed %2 labels; %3 did not reach it within %4 labels in half or more of its trials (%5 of %6 did).</source>
        <translation>Um %1 Testgenauigkeit zu erreichen, brauchte uniform %2 Labels; %3 erreichte sie in der Hälfte oder mehr seiner Versuche nicht innerhalb von %4 Labels (%5 von %6 schon).</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="100" />
        <source>That is the highest accuracy level the random pick reaches; every level is in the table below. A trial that never reached a level counts as beyond every budget (censored), so a median exists only when at least half of the trials reached it.</source>
        <translation>Das ist die höchste Genauigkeitsstufe, die die zufällige Auswahl erreicht; alle Stufen stehen in der Tabelle unten. Ein Versuch, der eine Stufe nie erreichte, zählt als jenseits jedes Budgets (zensiert); ein Median existiert also nur, wenn mindestens die Hälfte der Versuche sie erreichte.</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="109" />
        <source>No comparison in labels needed: it needs the random pick (uniform) and another strategy, both reaching one accuracy level (from %1 to %2) in half of their trials. The curves and the tables show what was measured.</source>
        <translation>Kein Vergleich der nötigen Labels: Dazu müssen die zufällige Auswahl (uniform) und eine andere Strategie dieselbe Genauigkeitsstufe (von %1 bis %2) in der Hälfte ihrer Versuche erreichen. Die Kurven und Tabellen zeigen, was gemessen wurde.</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="118" />
        <source>For scale: trained on all %1 pool images with their labels, the network reaches %2 (mean of %3 seeds).</source>
        <translation>Zum Vergleich: Auf allen %1 Pool-Bildern mit ihren Labels trainiert, erreicht das Netz %2 (Mittelwert über %3 Startwerte).</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="126" />
        <source>Accuracy against labels</source>
        <translation>Genauigkeit über Labels</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="128" />
        <source>labelled images</source>
        <translation>gelabelte Bilder</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="143" />
        <source>%1 (median of %2 trials)</source>
        <translation>%1 (Median über %2 Versuche)</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="151" />
        <source>all pool images labelled</source>
        <translation>alle Pool-Bilder gelabelt</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="153" />
        <source>Test accuracy against the number of labelled images, one line per strategy: the median over its trials, shaded from the 25th to the 75th percentile. Every round trains the same number of steps for every strategy. Dashed red: the network trained on every pool image.</source>
        <translation>Testgenauigkeit über der Zahl gelabelter Bilder, eine Linie je Strategie: der Median über ihre Versuche, schattiert vom 25. bis zum 75. Perzentil. Jede Runde trainiert für jede Strategie gleich viele Schritte. Rot gestrichelt: das Netz, trainiert auf jedem Pool-Bild.</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="158" />
        <source>accuracy level</source>
        <translation>Genauigkeitsstufe</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="180" />
        <source>Labels needed to reach each accuracy level: the median over the trials, with the trials that reached it in brackets; "&gt; N": half or more never did within the budget.</source>
        <translation>Nötige Labels für jede Genauigkeitsstufe: der Median über die Versuche, in Klammern die Versuche, die sie erreichten; „&gt; N“: die Hälfte oder mehr erreichte sie nie innerhalb des Budgets.</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="195" />
        <source>strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="195" />
        <source>trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="196" />
        <source>accuracy at %1 labels (median [25%, 75%])</source>
        <translation>Genauigkeit bei %1 Labels (Median [25 %, 75 %])</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="198" />
        <source>area under the curve</source>
        <translation>Fläche unter der Kurve</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="199" />
        <source>seconds per trial</source>
        <translation>Sekunden je Versuch</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="200" />
        <source>Measured: each strategy at the last round, and the area under its median curve over the label range (higher: better sooner).</source>
        <translation>Gemessen: jede Strategie in der letzten Runde und die Fläche unter ihrer Mediankurve über den Label-Bereich (höher: früher besser).</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="205" />
        <source>Strategies</source>
        <translation>Strategien</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="206" />
        <source>Labels at the start, per round, at most</source>
        <translation>Labels zu Beginn, je Runde, höchstens</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="208" />
        <source>Trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="209" />
        <source>Steps per round</source>
        <translation>Schritte je Runde</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="210" />
        <source>Full-data seeds</source>
        <translation>Startwerte mit allen Daten</translation>
    </message>
    <message>
        <location filename="../core/src/report/activereport.cpp" line="211" />
        <source>Pool images</source>
        <translation>Pool-Bilder</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="25" />
        <source>created, not trained</source>
        <translation>angelegt, nicht trainiert</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="27" />
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="29" />
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="66" />
        <source>Training run: %1</source>
        <translation>Trainingslauf: %1</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="69" />
        <source>Question: how well does this network, trained on %1, classify the test images — and where does it fail?</source>
        <translation>Frage: Wie gut klassifiziert dieses auf %1 trainierte Netz die Testbilder — und wo scheitert es?</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="75" />
        <source>Test accuracy %1 (loss %2, smoothed accuracy %3) after %4 epochs; the run is %5.</source>
        <translation>Testgenauigkeit %1 (Verlust %2, geglättete Genauigkeit %3) nach %4 Epochen; der Lauf ist %5.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="81" />
        <source>Not tested: the run is %1 after %2 epochs.</source>
        <translation>Nicht getestet: Der Lauf ist %1 nach %2 Epochen.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="88" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="91" />
        <location filename="../core/src/report/runreport.cpp" line="122" />
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="92" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="92" />
        <location filename="../core/src/report/runreport.cpp" line="147" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="96" />
        <source>training (mean over the epoch)</source>
        <translation>Training (Mittel über die Epoche)</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="97" />
        <source>validation (after the epoch)</source>
        <translation>Validierung (nach der Epoche)</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="111" />
        <source>Loss per epoch: on the training images (the mean over the epoch's batches) and on the validation images after the epoch. Validation loss rising while training loss falls: the network starts to overfit.</source>
        <translation>Verlust je Epoche: auf den Trainingsbildern (Mittel über die Batches der Epoche) und auf den Validierungsbildern nach der Epoche. Steigt der Validierungsverlust, während der Trainingsverlust fällt, beginnt das Netz zu überanpassen.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="115" />
        <source>Accuracy per epoch, on the training and the validation images.</source>
        <translation>Genauigkeit je Epoche auf den Trainings- und den Validierungsbildern.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="122" />
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="123" />
        <source>training accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="123" />
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="124" />
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="125" />
        <source>Measured: every epoch of the run.</source>
        <translation>Gemessen: jede Epoche des Laufs.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="133" />
        <source>Where it fails: the stored evaluation</source>
        <translation>Wo es scheitert: die gespeicherte Auswertung</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="134" />
        <source>Evaluated after epoch %1 on %2 test images: accuracy %3, loss %4; expected calibration error %5 (how far its confidence is from its accuracy).</source>
        <translation>Ausgewertet nach Epoche %1 auf %2 Testbildern: Genauigkeit %3, Verlust %4; erwarteter Kalibrierungsfehler %5 (wie weit seine Zuversicht von seiner Genauigkeit abweicht).</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="146" />
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="146" />
        <source>test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="148" />
        <source>Accuracy per class.</source>
        <translation>Genauigkeit je Klasse.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="150" />
        <source>true \ predicted</source>
        <translation>wahr \ vorhergesagt</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="162" />
        <source>Confusion matrix: rows are the true classes, columns the predicted ones; off the diagonal, the mistakes.</source>
        <translation>Konfusionsmatrix: Zeilen sind die wahren Klassen, Spalten die vorhergesagten; abseits der Diagonale die Fehler.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="170" />
        <source>true class</source>
        <translation>wahre Klasse</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="170" />
        <source>taken for</source>
        <translation>gehalten für</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="172" />
        <source>The most frequent mistakes.</source>
        <translation>Die häufigsten Verwechslungen.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="176" />
        <source>share of test images rejected (least confident first)</source>
        <translation>Anteil zurückgewiesener Testbilder (die unsichersten zuerst)</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="177" />
        <source>error rate of the accepted images</source>
        <translation>Fehlerrate der angenommenen Bilder</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="187" />
        <source>Reject curve: the error rate on the images the network is most confident about, as more and more of the least confident ones are set aside (for a person to check).</source>
        <translation>Reject-Kurve: die Fehlerrate auf den Bildern, bei denen das Netz am sichersten ist, wenn mehr und mehr der unsichersten beiseitegelegt werden (für eine Prüfung durch einen Menschen).</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="193" />
        <source>confidence (mean in each bin)</source>
        <translation>Zuversicht (Mittel je Bereich)</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="194" />
        <source>accuracy in the bin</source>
        <translation>Genauigkeit im Bereich</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="201" />
        <source>perfectly calibrated</source>
        <translation>perfekt kalibriert</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="205" />
        <source>confidence bins with images</source>
        <translation>Zuversichtsbereiche mit Bildern</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="212" />
        <source>Calibration: in each confidence bin, the accuracy against the mean confidence. Below the diagonal: overconfident.</source>
        <translation>Kalibrierung: in jedem Zuversichtsbereich die Genauigkeit über der mittleren Zuversicht. Unter der Diagonale: zu zuversichtlich.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="234" />
        <source>t-SNE map of the test images' features, coloured by their true class: classes the network separates form islands; mixed islands are the classes it confuses.</source>
        <translation>t-SNE-Karte der Merkmale der Testbilder, gefärbt nach ihrer wahren Klasse: Klassen, die das Netz trennt, bilden Inseln; gemischte Inseln sind die Klassen, die es verwechselt.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="239" />
        <source>No stored evaluation: evaluate the run (Evaluation page, or %1) to add its confusion matrix, per-class accuracy, reject and calibration curves here.</source>
        <translation>Keine gespeicherte Auswertung: Werten Sie den Lauf aus (Seite Auswertung oder %1), um hier seine Konfusionsmatrix, Genauigkeit je Klasse, Reject- und Kalibrierungskurven zu ergänzen.</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="246" />
        <location filename="../core/src/report/runreport.cpp" line="247" />
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="252" />
        <source>%1 s of training on %2</source>
        <translation>%1 s Training auf %2</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="267" />
        <source>Data settings</source>
        <translation>Dateneinstellungen</translation>
    </message>
    <message>
        <location filename="../core/src/report/runreport.cpp" line="271" />
        <source>The run is a pure function of the settings above: with the same dataset, network and settings (the seed included), %1 trains it again to the same numbers on the same kind of CPU; %2 prints them as JSON.</source>
        <translation>Der Lauf ist eine reine Funktion der Einstellungen oben: Mit demselben Datensatz, Netz und denselben Einstellungen (einschließlich Startwert) trainiert %1 ihn auf derselben CPU-Art erneut zu denselben Zahlen; %2 gibt sie als JSON aus.</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="15" />
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="16" />
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="17" />
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="18" />
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="19" />
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="20" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="21" />
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>ScalingViews</name>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="122" />
        <location filename="../app/gui/studies/scalingviews.cpp" line="284" />
        <source>test loss</source>
        <translation>Testverlust</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="123" />
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="124" />
        <source>train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="125" />
        <source>train accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="126" />
        <source>train–test gap (test − train loss)</source>
        <translation>Lücke Training–Test (Test- minus Trainingsverlust)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="127" />
        <source>test smoothed accuracy</source>
        <translation>geglättete Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="128" />
        <source>seconds per cell</source>
        <translation>Sekunden pro Zelle</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="167" />
        <source>width (parameters)</source>
        <translation>Breite (Parameter)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="168" />
        <source>training images (fraction)</source>
        <translation>Trainingsbilder (Anteil)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="185" />
        <source>No iso-loss contours: the fitted law does not describe these cells well enough (see its warnings).</source>
        <translation>Keine Iso-Verlust-Linien: das angepasste Gesetz beschreibt diese Zellen nicht gut genug (siehe seine Warnungen).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="232" />
        <source>The law's iso-loss lines for these levels lie outside the grid.</source>
        <translation>Die Iso-Verlust-Linien des Gesetzes liegen für diese Stufen außerhalb des Rasters.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="241" />
        <source>parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="246" />
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="262" />
        <source>training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="268" />
        <location filename="../app/gui/studies/scalingviews.cpp" line="289" />
        <source>width %1</source>
        <translation>Breite %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="283" />
        <source>training compute (FLOPs)</source>
        <translation>Trainingsaufwand (FLOPs)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="302" />
        <source>compute-efficient frontier</source>
        <translation>rechen-effiziente Grenze</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingviews.cpp" line="314" />
        <source>Equal steps: the cells of one width spent the same compute; the frontier runs over widths.</source>
        <translation>Gleiche Schritte: die Zellen einer Breite verbrauchten denselben Aufwand; die Grenze verläuft über die Breiten.</translation>
    </message>
</context>
<context>
    <name>StudyStatus</name>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="29" />
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="30" />
        <source>submitted</source>
        <translation>eingereicht</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="31" />
        <source>complete</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="32" />
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="33" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/statusnames.cpp" line="34" />
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="131" />
        <source>Deep learning on small image datasets.</source>
        <translation>Deep Learning auf kleinen Bilddatensätzen.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="134" />
        <source>Open the session FILE.</source>
        <translation>Die Sitzung FILE öffnen.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="137" />
        <source>Render every plot of the session given with --open to PNG files in DIR, without a window, and exit.</source>
        <translation>Jedes Diagramm der mit --open angegebenen Sitzung ohne Fenster als PNG-Datei in DIR speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="140" />
        <source>Load this dataset (fashion-mnist or a folder) at start.</source>
        <translation>Diesen Datensatz (fashion-mnist oder einen Ordner) beim Start laden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="143" />
        <source>Write the report of the session given with --open to FILE (.pdf or .html), without a window, and exit.</source>
        <translation>Den Bericht der mit --open angegebenen Sitzung ohne Fenster in DATEI (.pdf oder .html) schreiben und beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="146" />
        <source>The study the report is about (an id, or all).</source>
        <translation>Die Studie, um die es im Bericht geht (eine Nummer oder all).</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="149" />
        <source>The report is about this run instead of a study.</source>
        <translation>Der Bericht behandelt diesen Lauf statt einer Studie.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="151" />
        <source>The report's title.</source>
        <translation>Der Titel des Berichts.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="154" />
        <source>Accuracy targets the report answers, comma-separated.</source>
        <translation>Genauigkeitsziele, die der Bericht beantwortet, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="157" />
        <source>pdf or html (default: by the file's suffix).</source>
        <translation>pdf oder html (Standard: nach der Dateiendung).</translation>
    </message>
</context>
<context>
    <name>wb::app</name>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="169" />
        <source>%1 percentage points</source>
        <translation>%1 Prozentpunkte</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="173" />
        <source>%1: no spread</source>
        <translation>%1: keine Streuung</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="175" />
        <source>%1, p &lt; 0.001</source>
        <translation>%1, p &lt; 0,001</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="176" />
        <source>%1, p = %2</source>
        <translation>%1, p = %2</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="180" />
        <source>%1 − %2 is %3 in every one of the %4 repeats, with no spread to test it against; measure on more images to put an interval on it</source>
        <translation>%1 − %2 beträgt in jeder der %4 Wiederholungen %3, ohne Streuung, gegen die sich testen ließe; messen Sie auf mehr Bildern, um ein Intervall anzugeben</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="184" />
        <source>%1 and %2: every repeat gave the same value (difference %3), so the repeats cannot tell a difference from noise; measure on more images</source>
        <translation>%1 und %2: Jede Wiederholung ergab denselben Wert (Unterschied %3), die Wiederholungen können einen Unterschied also nicht von Rauschen trennen; messen Sie auf mehr Bildern</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="188" />
        <source>%1 over the shared seeds; check: %2</source>
        <translation>%1 über die gemeinsamen Startwerte; Kontrolle: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="188" />
        <source>paired t</source>
        <translation>gepaarter t</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="188" />
        <location filename="../app/gui/studies/varianceviews.cpp" line="189" />
        <source>Welch's t</source>
        <translation>Welch-t</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="189" />
        <source>%1; the seeds differ, so no paired test</source>
        <translation>%1; die Startwerte unterscheiden sich, daher kein gepaarter Test</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="193" />
        <source>%1 is better by %2 ± %3; the difference is real at 95% (%4, %5 repeats each)</source>
        <translation>%1 ist um %2 ± %3 besser; der Unterschied ist auf 95-%-Niveau echt (%4, je %5 Wiederholungen)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="197" />
        <source>%1 and %2 are not distinguishable with %3 repeats (%4; difference %5 ± %6)</source>
        <translation>%1 und %2 sind mit %3 Wiederholungen nicht unterscheidbar (%4; Unterschied %5 ± %6)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="202" />
        <source>; about %1 repeats would be needed for %2</source>
        <translation>; etwa %1 Wiederholungen wären für %2 nötig</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="203" />
        <source>; more than 100,000 repeats would be needed for %1</source>
        <translation>; mehr als 100.000 Wiederholungen wären für %1 nötig</translation>
    </message>
</context>
<context>
    <name>wb::app::ActiveLearningPage</name>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="79" />
        <source>The network every round trains. BALD needs dropout: lenet5-dropout is LeNet-5 with dropout 0.25 after its hidden layers.</source>
        <translation>Das Netz, das jede Runde trainiert. BALD braucht Dropout: lenet5-dropout ist LeNet-5 mit Dropout 0,25 nach den verborgenen Schichten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="82" />
        <source>Random images: the baseline every strategy must beat.</source>
        <translation>Zufällige Bilder: die Referenz, die jede Strategie schlagen muss.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="83" />
        <source>Images whose most probable class is least probable.</source>
        <translation>Bilder, deren wahrscheinlichste Klasse am wenigsten wahrscheinlich ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="84" />
        <source>Images with the smallest gap between the two most probable classes.</source>
        <translation>Bilder mit dem kleinsten Abstand zwischen den zwei wahrscheinlichsten Klassen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="85" />
        <source>Images with the highest entropy of the predicted classes.</source>
        <translation>Bilder mit der höchsten Entropie der vorhergesagten Klassen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="86" />
        <source>BALD: the mutual information between prediction and weights, over MC-dropout passes (needs a model with dropout).</source>
        <translation>BALD: die Transinformation zwischen Vorhersage und Gewichten über MC-Dropout-Durchläufe (braucht ein Modell mit Dropout).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="88" />
        <source>Core-set: greedy k-centre on the penultimate features — the images farthest from every labelled one.</source>
        <translation>Core-Set: gieriges k-Center auf den vorletzten Merkmalen — die Bilder, die am weitesten von allen gelabelten entfernt sind.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="90" />
        <source>A discriminator on the features learns labelled vs unlabelled while the network learns to fool it; score = margin + the discriminator's 'unlabelled' score. Same step budget.</source>
        <translation>Ein Diskriminator auf den Merkmalen lernt gelabelt gegen ungelabelt, während das Netz lernt, ihn zu täuschen; Bewertung = Margin + „ungelabelt“-Bewertung des Diskriminators. Gleiches Schrittbudget.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="107" />
        <source>Optimisation steps of every round, the same for every strategy, so that no strategy wins by training longer.</source>
        <translation>Optimierungsschritte jeder Runde, für jede Strategie gleich, damit keine Strategie durch längeres Training gewinnt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="111" />
        <source>Trainings on the whole pool (with as many steps per image as the last round) drawn as the full-data line; 0 = none.</source>
        <translation>Trainings auf dem ganzen Pool (mit so vielen Schritten pro Bild wie die letzte Runde), gezeichnet als Volldaten-Linie; 0 = keine.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="113" />
        <location filename="../app/gui/studies/activelearningpage.cpp" line="114" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="116" />
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="117" />
        <source>Strategies:</source>
        <translation>Strategien:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="118" />
        <source>Initial labels:</source>
        <translation>Anfängliche Labels:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="119" />
        <source>Labels per round:</source>
        <translation>Labels pro Runde:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="120" />
        <source>Maximum labels:</source>
        <translation>Höchstens Labels:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="121" />
        <source>Trials:</source>
        <translation>Versuche:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="122" />
        <source>Steps per round:</source>
        <translation>Schritte pro Runde:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="123" />
        <source>MC-dropout passes (BALD):</source>
        <translation>MC-Dropout-Durchläufe (BALD):</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="124" />
        <source>Baseline seeds:</source>
        <translation>Seeds der Referenz:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="125" />
        <source>Pool images:</source>
        <translation>Pool-Bilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="126" />
        <source>Test images:</source>
        <translation>Testbilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="53" />
        <source>Run study</source>
        <translation>Studie starten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="53" />
        <source>Run every trial of every strategy; each trial is saved as it finishes.</source>
        <translation>Jeden Versuch jeder Strategie ausführen; jeder Versuch wird gespeichert, sobald er fertig ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="54" />
        <source>Run the missing trials of the study shown; the trials already done are kept.</source>
        <translation>Die fehlenden Versuche der gezeigten Studie ausführen; fertige Versuche bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="55" />
        <source>Dataset, optimizer, learning rate and batch size come from the Dataset and Training pages; the training split is the pool, its labels hidden from the strategies.</source>
        <translation>Datensatz, Optimierer, Lernrate und Batchgröße kommen von den Seiten Datensatz und Training; der Trainingsteil ist der Pool, seine Labels bleiben den Strategien verborgen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="77" />
        <source>network of the Architecture page</source>
        <translation>Netz der Seite Architektur</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="128" />
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="128" />
        <source>&lt;b&gt;Stored active-learning studies&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gespeicherte Studien zum aktiven Lernen&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="139" />
        <source>No active-learning study yet: pick the strategies on the left and press Run study.</source>
        <translation>Noch keine Active-Learning-Studie: links die Strategien wählen und „Studie starten“ drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="157" />
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="159" />
        <source>Trial:</source>
        <translation>Versuch:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="161" />
        <source>Picked after round:</source>
        <translation>Gewählt nach Runde:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="172" />
        <source>Accuracy vs labels</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="173" />
        <source>Labels needed</source>
        <translation>Benötigte Labels</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="174" />
        <source>Class balance</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="175" />
        <source>Picks</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="184" />
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="184" />
        <source>Trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="184" />
        <source>Accuracy at the last round (median [25%, 75%])</source>
        <translation>Genauigkeit in der letzten Runde (Median [25 %, 75 %])</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="185" />
        <source>Area under the curve</source>
        <translation>Fläche unter der Kurve</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="185" />
        <source>Seconds per trial</source>
        <translation>Sekunden pro Versuch</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="189" />
        <location filename="../app/gui/studies/activelearningpage.cpp" line="315" />
        <source>No active-learning study yet: choose strategies on the left and press Run study.</source>
        <translation>Noch keine Studie zum aktiven Lernen: links Strategien wählen und „Studie starten“ drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="220" />
        <source>An active-learning study is already running.</source>
        <translation>Eine Studie zum aktiven Lernen läuft bereits.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="266" />
        <source>Load a dataset on the Dataset page first.</source>
        <translation>Zuerst auf der Seite Datensatz einen Datensatz laden.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="272" />
        <source>the network of the Architecture page cannot be trained: see its status line</source>
        <translation>das Netz der Seite Architektur kann nicht trainiert werden: siehe deren Statuszeile</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="258" />
        <source>Active learning (%1 trials)</source>
        <translation>Aktives Lernen (%1 Versuche)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="57" />
        <source>trials</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="57" />
        <source>Running… the curves fill in as trials finish (progress in the Jobs panel).</source>
        <translation>Läuft… die Kurven füllen sich, sobald Versuche fertig sind (Fortschritt im Aufgabenbereich).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="181" />
        <source>Your pool</source>
        <translation>Ihr Pool</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="182" />
        <source>Label next: pick the images to label from your own unlabelled pool</source>
        <translation>Als Nächstes labeln: die Bilder aus Ihrem eigenen ungelabelten Pool wählen, die Sie labeln sollten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="340" />
        <source>Study %1: %2, %3 of %4 trials (with the baseline). %5 on %6; %7 → %8 labels, %9 per round, %10 steps per round for every strategy.</source>
        <translation>Studie %1: %2, %3 von %4 Versuchen (mit Referenz). %5 auf %6; %7 → %8 Labels, %9 pro Runde, %10 Schritte pro Runde für jede Strategie.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="426" />
        <source>This trial has not finished yet (or stopped before that round).</source>
        <translation>Dieser Versuch ist noch nicht fertig (oder endete vor dieser Runde).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="445" />
        <source>The %1 images picked are from %2: load that dataset on the Dataset page to see them. Their classes: %3.</source>
        <translation>Die %1 gewählten Bilder stammen aus %2: diesen Datensatz auf der Seite Datensatz laden, um sie zu sehen. Ihre Klassen: %3.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="455" />
        <source>%1 images labelled after round %2 (%3 labels), in the order picked; caption: true class and score (higher = picked first).</source>
        <translation>%1 Bilder, gelabelt nach Runde %2 (%3 Labels), in Wahlreihenfolge; Beschriftung: wahre Klasse und Bewertung (höher = zuerst gewählt).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/activelearningpage.cpp" line="457" />
        <source>%1 images labelled after round %2 (%3 labels), in the order picked; caption: true class (this strategy has no score).</source>
        <translation>%1 Bilder, gelabelt nach Runde %2 (%3 Labels), in Wahlreihenfolge; Beschriftung: wahre Klasse (diese Strategie hat keine Bewertung).</translation>
    </message>
</context>
<context>
    <name>wb::app::ArchitecturePage</name>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="78" />
        <source>network %1</source>
        <translation>Netz %1</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="83" />
        <source>adding a layer</source>
        <translation>Schicht hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="85" />
        <source>removing a layer</source>
        <translation>Schicht entfernen</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="88" />
        <source>layer %1 (%2)</source>
        <translation>Schicht %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="91" />
        <source>network settings</source>
        <translation>Netzeinstellungen</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="183" />
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="184" />
        <source>Use preset</source>
        <translation>Vorlage verwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="187" />
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="189" />
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="192" />
        <source>Open PyTorch model…</source>
        <translation>PyTorch-Modell öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="193" />
        <source>Train your own network: a TorchScript file (torch.jit.script(net).save("net.pt"))</source>
        <translation>Eigenes Netz trainieren: eine TorchScript-Datei (torch.jit.script(net).save("net.pt"))</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="196" />
        <source>Open PyTorch model</source>
        <translation>PyTorch-Modell öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="197" />
        <source>TorchScript models (*.pt *.pth *.ptc);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt *.pth *.ptc);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="207" />
        <source>Apply the preset again (e.g. after changing the width)</source>
        <translation>Die Vorlage erneut anwenden (z. B. nach Ändern der Breite)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="220" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="221" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="222" />
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="223" />
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="224" />
        <source>Import JSON…</source>
        <translation>JSON importieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="225" />
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="286" />
        <source>&lt;b&gt;JSON spec&lt;/b&gt; (edits apply as you type)</source>
        <translation>&lt;b&gt;JSON-Beschreibung&lt;/b&gt; (Änderungen gelten sofort)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="261" />
        <location filename="../app/gui/model/architecturepage.cpp" line="264" />
        <source>Import spec</source>
        <translation>Beschreibung importieren</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="261" />
        <location filename="../app/gui/model/architecturepage.cpp" line="268" />
        <source>JSON specs (*.json)</source>
        <translation>JSON-Beschreibungen (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="267" />
        <location filename="../app/gui/model/architecturepage.cpp" line="271" />
        <source>Export spec</source>
        <translation>Beschreibung exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="324" />
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="338" />
        <source>(the model cannot be trained until this is fixed)</source>
        <translation>(das Modell kann erst trainiert werden, wenn dies behoben ist)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="353" />
        <source>%1 opened.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="391" />
        <source>input %1×%2×%3, %4 classes</source>
        <translation>Eingabe %1×%2×%3, %4 Klassen</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="448" />
        <source>%1 layers, %2 trainable weights, %3 features into the last layer.</source>
        <translation>%1 Schichten, %2 trainierbare Gewichte, %3 Merkmale in die letzte Schicht.</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="454" />
        <source>(the network cannot be trained until this is fixed)</source>
        <translation>(das Netz kann erst nach der Korrektur trainiert werden)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/architecturepage.cpp" line="477" />
        <location filename="../app/gui/model/architecturepage.cpp" line="482" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>wb::app::DatasetPage</name>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="55" />
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="58" />
        <source>Fashion-MNIST (Debian package)</source>
        <translation>Fashion-MNIST (Debian-Paket)</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="59" />
        <source>Folder (IDX files or class folders)</source>
        <translation>Ordner (IDX-Dateien oder Klassenordner)</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="61" />
        <source>folder with train-images-idx3-ubyte or &lt;class&gt;/ folders</source>
        <translation>Ordner mit train-images-idx3-ubyte oder &lt;Klasse&gt;/-Ordnern</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="62" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="69" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="71" />
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="72" />
        <source>grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="73" />
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="74" />
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="75" />
        <source>Read the chosen dataset (Fashion-MNIST, a folder of IDX files, or an image folder) and show its samples and classes</source>
        <translation>Den gewählten Datensatz lesen (Fashion-MNIST, einen Ordner mit IDX-Dateien oder einen Bildordner) und seine Beispiele und Klassen zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="77" />
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="78" />
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="79" />
        <source>Image size:</source>
        <translation>Bildgröße:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="80" />
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="103" />
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="113" />
        <source>stratified by class</source>
        <translation>nach Klassen geschichtet</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="117" />
        <location filename="../app/gui/data/datasetpage.cpp" line="120" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="123" />
        <source>Validation fraction:</source>
        <translation>Validierungsanteil:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="124" />
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="126" />
        <source>Training images:</source>
        <translation>Trainingsbilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="127" />
        <source>Test images:</source>
        <translation>Testbilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="34" />
        <location filename="../app/gui/data/datasetpage.cpp" line="224" />
        <source>No dataset loaded.</source>
        <translation>Kein Datensatz geladen.</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="145" />
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="146" />
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="149" />
        <source>&lt;b&gt;Random samples&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zufällige Beispiele&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="156" />
        <source>&lt;b&gt;One example per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ein Beispiel je Klasse&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="160" />
        <source>&lt;b&gt;Images per class&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bilder je Klasse&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="173" />
        <source>Dataset folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="197" />
        <source>Choose a dataset folder first.</source>
        <translation>Bitte zuerst einen Datensatzordner wählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="209" />
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="214" />
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/data/datasetpage.cpp" line="240" />
        <source>%n file(s) could not be read and were skipped:
</source>
        <translation><numerusform>%n Datei konnte nicht gelesen werden und wurde übersprungen:
</numerusform><numerusform>%n Dateien konnten nicht gelesen werden und wurden übersprungen:
</numerusform></translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="255" />
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;train: %3 images, test: %4 images&lt;br&gt;shape: %5 × %6 × %7 (C×H×W), %8 classes&lt;br&gt;per-channel mean ± std (train): %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Training: %3 Bilder, Test: %4 Bilder&lt;br&gt;Form: %5 × %6 × %7 (C×H×W), %8 Klassen&lt;br&gt;Mittelwert ± Standardabweichung je Kanal (Training): %9</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="304" />
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location filename="../app/gui/data/datasetpage.cpp" line="315" />
        <source>→ %1 training, %2 validation, %3 test images</source>
        <translation>→ %1 Trainings-, %2 Validierungs-, %3 Testbilder</translation>
    </message>
</context>
<context>
    <name>wb::app::EmbeddingPanel</name>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="27" />
        <source>Press t-SNE (or PCA, instant) to map the test images' features: one point per image, coloured by its class.</source>
        <translation>t-SNE (oder PCA, sofort) drücken, um die Merkmale der Testbilder abzubilden: ein Punkt je Bild, gefärbt nach seiner Klasse.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="28" />
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="29" />
        <source>PCA (instant)</source>
        <translation>PCA (sofort)</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="31" />
        <source>ring misclassified</source>
        <translation>Fehlklassifizierte markieren</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="83" />
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="151" />
        <source>Evaluate a run first.</source>
        <translation>Bitte zuerst einen Lauf auswerten.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="87" />
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="145" />
        <source>No features to embed: %1</source>
        <translation>Keine Merkmale zum Einbetten: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="91" />
        <source>The t-SNE needs the run's features: press Evaluate (a stored evaluation keeps none).</source>
        <translation>Das t-SNE braucht die Merkmale des Laufs: Auswerten drücken (eine gespeicherte Auswertung enthält keine).</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="95" />
        <source>A t-SNE is already running.</source>
        <translation>Ein t-SNE läuft bereits.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="101" />
        <source>t-SNE of run %1</source>
        <translation>t-SNE von Lauf %1</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="116" />
        <source>t-SNE failed: %1</source>
        <translation>t-SNE fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="117" />
        <source>t-SNE cancelled.</source>
        <translation>t-SNE abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="131" />
        <source>The t-SNE was not stored: %1</source>
        <translation>Das t-SNE wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="133" />
        <source>t-SNE (%1): KL %2 after %3 s (stored in the session).</source>
        <translation>t-SNE (%1): KL %2 nach %3 s (in der Sitzung gespeichert).</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="149" />
        <source>PCA needs the run's features: press Evaluate (a stored evaluation keeps none).</source>
        <translation>Die PCA braucht die Merkmale des Laufs: Auswerten drücken (eine gespeicherte Auswertung enthält keine).</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/embeddingpanel.cpp" line="156" />
        <source>PCA of run %1's features at epoch %2: a linear projection, instant; t-SNE separates clusters better.</source>
        <translation>PCA der Merkmale von Lauf %1 in Epoche %2: eine lineare Projektion, sofort; t-SNE trennt Cluster besser.</translation>
    </message>
</context>
<context>
    <name>wb::app::EvaluationPage</name>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="70" />
        <source>last epoch</source>
        <translation>letzte Epoche</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="71" />
        <source>epoch </source>
        <translation>Epoche </translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="75" />
        <source>β = </source>
        <translation>β = </translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="76" />
        <source>Smoothed accuracy: mean softmax(β·logits) probability of the true class</source>
        <translation>Geglättete Genauigkeit: mittlere softmax(β·Logits)-Wahrscheinlichkeit der wahren Klasse</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="77" />
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="78" />
        <source>Run the chosen run's checkpoint on its test images: metrics, confusion, reject and calibration curves, and the features for t-SNE (stored in the session)</source>
        <translation>Den Checkpoint des gewählten Laufs auf seinen Testbildern ausführen: Metriken, Konfusion, Reject- und Kalibrierungskurven und die Merkmale für t-SNE (in der Sitzung gespeichert)</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="81" />
        <source>counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="82" />
        <source>row-normalised (recall)</source>
        <translation>zeilennormiert (Trefferquote)</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="83" />
        <source>column-normalised (precision)</source>
        <translation>spaltennormiert (Präzision)</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="88" />
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="94" />
        <source>Matrix:</source>
        <translation>Matrix:</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="126" />
        <source>Top losses</source>
        <translation>Größte Verluste</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="127" />
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="378" />
        <source>Click a cell of the matrix or a confused pair to see its images.</source>
        <translation>Eine Zelle der Matrix oder ein verwechseltes Paar anklicken, um die Bilder zu sehen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="137" />
        <source>&lt;b&gt;Most confused&lt;/b&gt; (true → predicted)</source>
        <translation>&lt;b&gt;Am häufigsten verwechselt&lt;/b&gt; (wahr → vorhergesagt)</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="169" />
        <source>Accept all</source>
        <translation>Alle annehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="265" />
        <source>The evaluation of run %1 of %2 was dropped: another session is open.</source>
        <translation>Die Auswertung von Lauf %1 aus %2 wurde verworfen: eine andere Sitzung ist offen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="336" />
        <source>&lt;b&gt;No threshold: all %1 test images accepted&lt;/b&gt;, accuracy %2. Click or drag on a reject plot to set one.</source>
        <translation>&lt;b&gt;Keine Schwelle: alle %1 Testbilder angenommen&lt;/b&gt;, Genauigkeit %2. Klicken oder ziehen Sie in einem Zurückweisungs-Diagramm, um eine zu setzen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="353" />
        <source>&lt;b&gt;Threshold: confidence &amp;gt; %1&lt;/b&gt; — accepts %2 of %3 test images (coverage %4%), accuracy %5 on them; rejects %6 (all images: accuracy %7).</source>
        <translation>&lt;b&gt;Schwelle: Konfidenz &amp;gt; %1&lt;/b&gt; – nimmt %2 von %3 Testbildern an (Abdeckung %4 %), Genauigkeit %5 auf ihnen; weist %6 zurück (alle Bilder: Genauigkeit %7).</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="528" />
        <source>Run %1 at epoch %2 on %3 test images (stored evaluation; Evaluate computes it again).</source>
        <translation>Lauf %1 in Epoche %2 auf %3 Testbildern (gespeicherte Auswertung; Auswerten berechnet sie neu).</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="229" />
        <source>An evaluation or t-SNE is already running.</source>
        <translation>Eine Auswertung oder ein t-SNE läuft bereits.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="443" />
        <source>&lt;b&gt;Top losses&lt;/b&gt; of the accepted images (confidence &gt; %1) — caption: predicted/true, loss</source>
        <translation>&lt;b&gt;Größte Verluste&lt;/b&gt; der angenommenen Bilder (Konfidenz &gt; %1) — Beschriftung: vorhergesagt/wahr, Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="454" />
        <source>Wait for the evaluation to finish.</source>
        <translation>Warten Sie, bis die Auswertung fertig ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="46" />
        <source>Confusion</source>
        <translation>Konfusion</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="47" />
        <source>Reject option and calibration</source>
        <translation>Rückweisung und Kalibrierung</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="48" />
        <source>Features (t-SNE / PCA)</source>
        <translation>Merkmale (t-SNE / PCA)</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="49" />
        <source>Choose a run and press &lt;b&gt;Evaluate&lt;/b&gt;: its checkpoint is run on the run's test set.</source>
        <translation>Einen Lauf wählen und &lt;b&gt;Auswerten&lt;/b&gt; drücken: sein Checkpoint wird auf der Testmenge des Laufs ausgeführt.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="172" />
        <source>Click or drag on a reject plot to set the threshold: the confusion matrix, the metrics, the per-class bars, the most confused pairs and the top losses switch to the accepted images.</source>
        <translation>Auf einen Reject-Plot klicken oder ziehen, um die Schwelle zu setzen: Konfusionsmatrix, Metriken, Klassenbalken, meistverwechselte Paare und größte Verluste wechseln zu den angenommenen Bildern.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="219" />
        <source>%1 (%n epoch(s))</source>
        <translation><numerusform>%1 (%n Epoche)</numerusform><numerusform>%1 (%n Epochen)</numerusform></translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="225" />
        <source>Choose a run with at least one finished epoch.</source>
        <translation>Bitte einen Lauf mit mindestens einer abgeschlossenen Epoche wählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="247" />
        <source>Evaluate run %1</source>
        <translation>Lauf %1 auswerten</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="258" />
        <source>Evaluating run %1…</source>
        <translation>Lauf %1 wird ausgewertet…</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="272" />
        <source>Evaluation failed: %1</source>
        <translation>Die Auswertung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="282" />
        <source>(not stored: %1)</source>
        <translation>(nicht gespeichert: %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="285" />
        <source>Run %1 at epoch %2 on %3 test images.</source>
        <translation>Lauf %1 nach Epoche %2 auf %3 Testbildern.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="370" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="373" />
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="327" />
        <source>&lt;b&gt;Test accuracy %1&lt;/b&gt;, loss %2, smoothed accuracy %3 (β = %4), ECE %5&lt;br&gt;%6 test images, all accepted</source>
        <translation>&lt;b&gt;Testgenauigkeit %1&lt;/b&gt;, Verlust %2, geglättete Genauigkeit %3 (β = %4), ECE %5&lt;br&gt;%6 Testbilder, alle angenommen</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="347" />
        <source>&lt;b&gt;Accepted: accuracy %1&lt;/b&gt; on %2 of %3 images (coverage %4%) at confidence &gt; %5&lt;br&gt;all images: accuracy %6</source>
        <translation>&lt;b&gt;Angenommen: Genauigkeit %1&lt;/b&gt; auf %2 von %3 Bildern (Abdeckung %4 %) bei Konfidenz &gt; %5&lt;br&gt;alle Bilder: Genauigkeit %6</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="379" />
        <source>Click a cell of the matrix or a confused pair to see its accepted images (confidence &gt; %1).</source>
        <translation>Eine Zelle der Matrix oder ein verwechseltes Paar anklicken, um seine angenommenen Bilder zu sehen (Konfidenz &gt; %1).</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="391" />
        <source>Load the run's dataset to see the images.</source>
        <translation>Den Datensatz des Laufs laden, um die Bilder zu sehen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="417" />
        <source>&lt;b&gt;%1&lt;/b&gt; predicted as &lt;b&gt;%2&lt;/b&gt;: %3 image(s)%4 — caption: prediction and confidence</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; vorhergesagt als &lt;b&gt;%2&lt;/b&gt;: %3 Bild(er)%4 — Beschriftung: Vorhersage und Konfidenz</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="419" />
        <source>, first 80 shown</source>
        <translation>, die ersten 80 gezeigt</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/evaluationpage.cpp" line="442" />
        <source>&lt;b&gt;Top losses&lt;/b&gt; — caption: predicted/true, loss</source>
        <translation>&lt;b&gt;Größte Verluste&lt;/b&gt; — Beschriftung: vorhergesagt/wahr, Verlust</translation>
    </message>
</context>
<context>
    <name>wb::app::ExportModelDialog</name>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="43" />
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="179" />
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="183" />
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="200" />
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="204" />
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="217" />
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="222" />
        <source>Export Model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="45" />
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="47" />
        <source>PyTorch — model.py + weights.pt</source>
        <translation>PyTorch — model.py + weights.pt</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="48" />
        <source>ONNX — model.onnx</source>
        <translation>ONNX — model.onnx</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="50" />
        <source>This build has no ONNX library (libonnx-dev).</source>
        <translation>Dieser Build hat keine ONNX-Bibliothek (libonnx-dev).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="53" />
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="56" />
        <source>Last (epoch %1)</source>
        <translation>Letzte (Epoche %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="58" />
        <source>Epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="59" />
        <source>The weights after this epoch (every epoch's checkpoint is kept).</source>
        <translation>Die Gewichte nach dieser Epoche (der Checkpoint jeder Epoche wird aufbewahrt).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="60" />
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="63" />
        <source>The folder to create; it is written in full or not at all.</source>
        <translation>Der anzulegende Ordner; er wird ganz oder gar nicht geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="64" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="68" />
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="72" />
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="124" />
        <source>Export Model Into</source>
        <translation>Modell exportieren nach</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="138" />
        <source>Choose the folder to create.</source>
        <translation>Den anzulegenden Ordner wählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="140" />
        <source>%1 is a file, not a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="144" />
        <source>Writes model.py (plain torch.nn code), weights.pt (a state dict) and README.txt. In Python: import model; net = model.load("weights.pt").</source>
        <translation>Schreibt model.py (schlichter torch.nn-Code), weights.pt (ein State-Dict) und README.txt. In Python: import model; net = model.load("weights.pt").</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="146" />
        <source>Writes model.onnx (opset 13, any batch size, the input normalisation inside, class names in the metadata) and README.txt.</source>
        <translation>Schreibt model.onnx (Opset 13, beliebige Batchgröße, Eingabenormierung enthalten, Klassennamen in den Metadaten) und README.txt.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="155" />
        <source>exported to %1</source>
        <translation>nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="157" />
        <source>Export %1 (%2)</source>
        <translation>%1 exportieren (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="184" />
        <source>Run %1 has no trained epoch to export yet.</source>
        <translation>Lauf %1 hat noch keine trainierte Epoche zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="205" />
        <source>%1 holds an earlier export. Replace it?</source>
        <translation>%1 enthält einen früheren Export. Ersetzen?</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="223" />
        <source>Exported to %1.
README.txt there says how to load it.</source>
        <translation>Nach %1 exportiert.
README.txt dort beschreibt, wie man es lädt.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/exportmodeldialog.cpp" line="225" />
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>wb::app::GuideBar</name>
    <message>
        <location filename="../app/gui/guidance.cpp" line="13" />
        <source>The dataset is loading (see the Jobs panel below); the pages fill in when it is there.</source>
        <translation>Der Datensatz wird geladen (siehe Aufträge unten); die Seiten füllen sich, sobald er da ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="15" />
        <source>&lt;b&gt;Start here:&lt;/b&gt; load a dataset on the Dataset page (Ctrl+1): Fashion-MNIST, a folder of IDX files, or an image folder with one sub-folder per class.</source>
        <translation>&lt;b&gt;Hier beginnen:&lt;/b&gt; einen Datensatz auf der Seite Datensatz laden (Strg+1): Fashion-MNIST, einen Ordner mit IDX-Dateien oder einen Bildordner mit einem Unterordner je Klasse.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="19" />
        <source>Check the samples and the class balance, and set how many images to train and test on. &lt;b&gt;Next:&lt;/b&gt; pick a network on the Architecture page (Ctrl+2).</source>
        <translation>Beispiele und Klassenverteilung prüfen und festlegen, mit wie vielen Bildern trainiert und getestet wird. &lt;b&gt;Weiter:&lt;/b&gt; ein Netz auf der Seite Architektur wählen (Strg+2).</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="22" />
        <source>Pick a preset (LeNet-5 is a good first try), edit the layers, or open your own PyTorch model; the input follows the dataset. &lt;b&gt;Next:&lt;/b&gt; train it on the Training page (Ctrl+3).</source>
        <translation>Eine Vorlage wählen (LeNet-5 ist ein guter erster Versuch), die Schichten bearbeiten oder Ihr eigenes PyTorch-Modell öffnen; die Eingabe folgt dem Datensatz. &lt;b&gt;Weiter:&lt;/b&gt; auf der Seite Training trainieren (Strg+3).</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="26" />
        <source>Press &lt;b&gt;Train&lt;/b&gt; (Ctrl+R) to train the network; not sure of the learning rate? Run the &lt;b&gt;LR range test&lt;/b&gt; (tab on the right) and press a Use button first.</source>
        <translation>&lt;b&gt;Trainieren&lt;/b&gt; drücken (Strg+R), um das Netz zu trainieren; Lernrate unklar? Zuerst den &lt;b&gt;LR-Bereichstest&lt;/b&gt; (Reiter rechts) ausführen und eine Übernehmen-Schaltfläche drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="28" />
        <source>Right-click a run to resume, evaluate, export, rename or delete it. &lt;b&gt;Next:&lt;/b&gt; look at its mistakes on the Evaluation page (Ctrl+4), or ask how much data you need on the Sufficiency page (Ctrl+5).</source>
        <translation>Rechtsklick auf einen Lauf, um ihn fortzusetzen, auszuwerten, zu exportieren, umzubenennen oder zu löschen. &lt;b&gt;Weiter:&lt;/b&gt; seine Fehler auf der Seite Auswertung ansehen (Strg+4) oder auf der Seite Datenbedarf fragen, wie viele Daten nötig sind (Strg+5).</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="33" />
        <source>Nothing to evaluate yet: train a run for at least one epoch on the Training page (Ctrl+3).</source>
        <translation>Noch nichts auszuwerten: einen Lauf mindestens eine Epoche lang auf der Seite Training trainieren (Strg+3).</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="34" />
        <source>Choose a run and press &lt;b&gt;Evaluate&lt;/b&gt;: confusion matrix, per-class accuracy, the images it gets most wrong, reject and calibration curves, and a t-SNE map of its features.</source>
        <translation>Einen Lauf wählen und &lt;b&gt;Auswerten&lt;/b&gt; drücken: Konfusionsmatrix, Genauigkeit je Klasse, die am stärksten falsch erkannten Bilder, Reject- und Kalibrierungskurven und eine t-SNE-Karte seiner Merkmale.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="38" />
        <source>&lt;b&gt;Is more data worth it?&lt;/b&gt; Press Run: the network is trained on growing subsets and the learning curve is extrapolated; the slider then says how many images a target accuracy needs.</source>
        <translation>&lt;b&gt;Lohnen sich mehr Daten?&lt;/b&gt; Starten drücken: das Netz wird auf wachsenden Teilmengen trainiert und die Lernkurve extrapoliert; der Schieberegler sagt dann, wie viele Bilder eine Zielgenauigkeit braucht.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="41" />
        <source>Move the target-accuracy slider to read the images needed. &lt;b&gt;Next:&lt;/b&gt; the Scaling page (Ctrl+6) tells whether a bigger model would need fewer.</source>
        <translation>Den Regler der Zielgenauigkeit verschieben, um die nötigen Bilder abzulesen. &lt;b&gt;Weiter:&lt;/b&gt; die Seite Skalierung (Strg+6) sagt, ob ein größeres Modell weniger bräuchte.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="45" />
        <source>&lt;b&gt;Model size × data size:&lt;/b&gt; a grid of trainings over widths and subset sizes, and the scaling law fitted to it. Press Run.</source>
        <translation>&lt;b&gt;Modellgröße × Datenmenge:&lt;/b&gt; ein Raster von Trainings über Breiten und Teilmengen und das daran angepasste Skalierungsgesetz. Starten drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="47" />
        <source>Pick a cell or a view on the right. &lt;b&gt;Next:&lt;/b&gt; which images to label next? The Active learning page (Ctrl+7).</source>
        <translation>Eine Zelle oder Ansicht rechts wählen. &lt;b&gt;Weiter:&lt;/b&gt; welche Bilder als Nächstes labeln? Die Seite Aktives Lernen (Strg+7).</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="51" />
        <source>&lt;b&gt;Which images to label next?&lt;/b&gt; Compares selection strategies against random picking on your pool. Press Run.</source>
        <translation>&lt;b&gt;Welche Bilder als Nächstes labeln?&lt;/b&gt; Vergleicht Auswahlstrategien mit zufälliger Auswahl auf Ihrem Pool. Starten drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="53" />
        <source>Compare the strategies' curves. &lt;b&gt;Next:&lt;/b&gt; the tab Your pool picks the images to label from your own unlabelled ones.</source>
        <translation>Vergleichen Sie die Kurven der Strategien. &lt;b&gt;Weiter:&lt;/b&gt; Der Reiter „Ihr Pool“ wählt aus Ihren eigenen ungelabelten Bildern die aus, die Sie labeln sollten.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="57" />
        <source>&lt;b&gt;Is a difference real?&lt;/b&gt; Trains setup A (and B) several times with different seeds and says whether B is better beyond the noise. Press Run.</source>
        <translation>&lt;b&gt;Ist ein Unterschied echt?&lt;/b&gt; Trainiert Aufbau A (und B) mehrmals mit verschiedenen Seeds und sagt, ob B über das Rauschen hinaus besser ist. Starten drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="59" />
        <source>Read the verdict and the intervals; more repeats narrow them.</source>
        <translation>Urteil und Intervalle lesen; mehr Wiederholungen machen sie enger.</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="66" />
        <source>&lt;h3&gt;Getting started&lt;/h3&gt;&lt;p&gt;Sufficiency Workbench answers: &lt;i&gt;is it worth collecting more data, how much, with which model — and which images to label next?&lt;/i&gt; A session file keeps everything you do; save it with Ctrl+S.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;a href='page:0'&gt;Dataset&lt;/a&gt;: load Fashion-MNIST, a folder of IDX files, or an image folder (&lt;tt&gt;root/&amp;lt;class&amp;gt;/*.png&lt;/tt&gt;, or &lt;tt&gt;root/train/…&lt;/tt&gt; and &lt;tt&gt;root/test/…&lt;/tt&gt;).&lt;/li&gt;&lt;li&gt;&lt;a href='page:1'&gt;Architecture&lt;/a&gt;: pick a preset network or edit its layers.&lt;/li&gt;&lt;li&gt;&lt;a href='page:2'&gt;Training&lt;/a&gt;: find a learning rate with the LR range test, then Train (Ctrl+R). Runs overlay; right-click one to resume, evaluate, rename or delete it, or to export its trained network for PyTorch or ONNX.&lt;/li&gt;&lt;li&gt;&lt;a href='page:3'&gt;Evaluation&lt;/a&gt;: what a run gets wrong — confusion, per class, worst images, reject and calibration curves, t-SNE.&lt;/li&gt;&lt;li&gt;&lt;a href='page:4'&gt;Sufficiency&lt;/a&gt;: the learning curve and the images a target accuracy needs.&lt;/li&gt;&lt;li&gt;&lt;a href='page:5'&gt;Scaling&lt;/a&gt;, &lt;a href='page:6'&gt;Active learning&lt;/a&gt;, &lt;a href='page:7'&gt;Variance&lt;/a&gt;: bigger models, which images to label, and whether a difference is real.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Studies run on this computer or as a Slurm job array; every plot exports (right-click it, or File → Export All Plots). The same work runs headless with &lt;tt&gt;workbench-cli&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Erste Schritte&lt;/h3&gt;&lt;p&gt;Sufficiency Workbench beantwortet: &lt;i&gt;Lohnt es sich, mehr Daten zu sammeln, wie viele, mit welchem Modell — und welche Bilder sollen als Nächstes gelabelt werden?&lt;/i&gt; Eine Sitzungsdatei hält alles fest; mit Strg+S speichern.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;a href='page:0'&gt;Datensatz&lt;/a&gt;: Fashion-MNIST, einen Ordner mit IDX-Dateien oder einen Bildordner laden (&lt;tt&gt;root/&amp;lt;Klasse&amp;gt;/*.png&lt;/tt&gt; oder &lt;tt&gt;root/train/…&lt;/tt&gt; und &lt;tt&gt;root/test/…&lt;/tt&gt;).&lt;/li&gt;&lt;li&gt;&lt;a href='page:1'&gt;Architektur&lt;/a&gt;: ein vorgegebenes Netz wählen oder seine Schichten bearbeiten.&lt;/li&gt;&lt;li&gt;&lt;a href='page:2'&gt;Training&lt;/a&gt;: mit dem LR-Bereichstest eine Lernrate finden, dann trainieren (Strg+R). Läufe werden überlagert; Rechtsklick auf einen Lauf setzt ihn fort, wertet ihn aus, benennt ihn um oder löscht ihn oder exportiert sein trainiertes Netz für PyTorch oder ONNX.&lt;/li&gt;&lt;li&gt;&lt;a href='page:3'&gt;Auswertung&lt;/a&gt;: was ein Lauf falsch macht — Konfusion, je Klasse, schlechteste Bilder, Reject- und Kalibrierungskurven, t-SNE.&lt;/li&gt;&lt;li&gt;&lt;a href='page:4'&gt;Datenbedarf&lt;/a&gt;: die Lernkurve und die Bilder, die eine Zielgenauigkeit braucht.&lt;/li&gt;&lt;li&gt;&lt;a href='page:5'&gt;Skalierung&lt;/a&gt;, &lt;a href='page:6'&gt;Aktives Lernen&lt;/a&gt;, &lt;a href='page:7'&gt;Varianz&lt;/a&gt;: größere Modelle, welche Bilder zu labeln sind und ob ein Unterschied echt ist.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Studien laufen auf diesem Rechner oder als Slurm-Job-Array; jeder Plot lässt sich exportieren (Rechtsklick oder Datei → Alle Plots exportieren). Dieselbe Arbeit läuft ohne Fenster mit &lt;tt&gt;workbench-cli&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/guidance.cpp" line="98" />
        <source>Hide the hints (Help → Show Hints brings them back)</source>
        <translation>Hinweise ausblenden (Hilfe → Hinweise zeigen holt sie zurück)</translation>
    </message>
</context>
<context>
    <name>wb::app::Job</name>
    <message>
        <location filename="../app/gui/job.cpp" line="15" />
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../app/gui/job.cpp" line="16" />
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/job.cpp" line="17" />
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/job.cpp" line="18" />
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/job.cpp" line="19" />
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/job.cpp" line="80" />
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>wb::app::JobManager</name>
    <message>
        <location filename="../app/gui/jobmanager.cpp" line="147" />
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../app/gui/jobmanager.cpp" line="148" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../app/gui/jobmanager.cpp" line="149" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/gui/jobmanager.cpp" line="150" />
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../app/gui/jobmanager.cpp" line="151" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>wb::app::JobsPanel</name>
    <message>
        <location filename="../app/gui/jobspanel.cpp" line="44" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobspanel.cpp" line="45" />
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobspanel.cpp" line="46" />
        <source>Clear finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
</context>
<context>
    <name>wb::app::LabelNextDialog</name>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="25" />
        <source>Label next</source>
        <translation>Als Nächstes labeln</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="27" />
        <source>a folder of unlabelled images, or a text file of their paths</source>
        <translation>ein Ordner ungelabelter Bilder oder eine Textdatei mit ihren Pfaden</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="28" />
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="29" />
        <source>List file…</source>
        <translation>Listendatei…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="31" />
        <source>Unlabelled images</source>
        <translation>Ungelabelte Bilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="36" />
        <source>List of unlabelled images</source>
        <translation>Liste ungelabelter Bilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="37" />
        <source>Text files (*.txt *.lst);;All files (*)</source>
        <translation>Textdateien (*.txt *.lst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="49" />
        <source>The network that scores the pool. A new one is trained on every labelled image first (the dataset's and those added in earlier rounds).</source>
        <translation>Das Netz, das den Pool bewertet. Ein neues wird zuerst auf allen gelabelten Bildern trainiert (denen des Datensatzes und den in früheren Runden hinzugefügten).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="55" />
        <source>No active-learning study of this dataset in the session: margin is the usual first choice.</source>
        <translation>Keine Active-Learning-Studie dieses Datensatzes in der Sitzung: margin ist die übliche erste Wahl.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="57" />
        <source>Pre-selected from the session's study: %1</source>
        <translation>Vorausgewählt nach der Studie der Sitzung: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="60" />
        <source>no cap</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="61" />
        <source>At most this many picks per predicted class, so that one confusing class does not take the whole budget.</source>
        <translation>Höchstens so viele Auswahlen je vorhergesagter Klasse, damit eine verwirrende Klasse nicht das ganze Budget verbraucht.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="67" />
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="68" />
        <source>Network:</source>
        <translation>Netz:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="69" />
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="71" />
        <source>Images to pick:</source>
        <translation>Auszuwählende Bilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="72" />
        <source>Per class at most:</source>
        <translation>Je Klasse höchstens:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="74" />
        <source>Pick</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="93" />
        <source>Choose the folder (or list file) of unlabelled images.</source>
        <translation>Wählen Sie den Ordner (oder die Listendatei) der ungelabelten Bilder.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/labelnextdialog.cpp" line="94" />
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
</context>
<context>
    <name>wb::app::LearningCurveData</name>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="14" />
        <source>power law</source>
        <translation>Potenzgesetz</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="16" />
        <source>power law with offset (power4)</source>
        <translation>Potenzgesetz mit Versatz (power4)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="18" />
        <source>exponential</source>
        <translation>exponentiell</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="20" />
        <source>Morgan–Mercer–Flodin (mmf)</source>
        <translation>Morgan–Mercer–Flodin (mmf)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="22" />
        <source>auto (best extrapolating)</source>
        <translation>automatisch (beste Extrapolation)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="24" />
        <source>ensemble (median of families)</source>
        <translation>Ensemble (Median der Familien)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="26" />
        <source>calibrated answer (default)</source>
        <translation>kalibrierte Antwort (Standard)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="53" />
        <source>The %1 fit misses the data: %2 at %3 images where %4 was measured (±%5 allowed). It is left out of the answer.</source>
        <translation>Die Anpassung %1 verfehlt die Daten: %2 bei %3 Bildern, wo %4 gemessen wurde (±%5 erlaubt). Sie bleibt aus der Antwort.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="62" />
        <source>The curve has not started to level off: projections beyond ~%1 samples are guesses.</source>
        <translation>Die Kurve flacht noch nicht ab: Hochrechnungen über ~%1 Beispiele hinaus sind geraten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="66" />
        <source>The fitted asymptote sits at its bound: the data do not show where the curve levels off.</source>
        <translation>Die angepasste Asymptote liegt an ihrer Grenze: Die Daten zeigen nicht, wo die Kurve abflacht.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="69" />
        <source>A fitted parameter sits at the end of its range: the data do not determine the curve's shape.</source>
        <translation>Ein angepasster Parameter liegt am Rand seines Bereichs: Die Daten bestimmen die Form der Kurve nicht.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="72" />
        <source>The metric gets worse with more data over the measured sizes: there is no learning curve to project.</source>
        <translation>Die Metrik wird über die gemessenen Größen mit mehr Daten schlechter: Es gibt keine Lernkurve hochzurechnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="75" />
        <source>An answer beyond %1x the largest measured size is a guess.</source>
        <translation>Eine Antwort jenseits des %1-fachen der größten gemessenen Größe ist geraten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="78" />
        <source>A fit misses the measured points and is left out of the answer: %1</source>
        <translation>Eine Anpassung verfehlt die gemessenen Punkte und bleibt aus der Antwort: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="81" />
        <source>Every curve family misses the measured points at the largest sizes: no projection beyond the data.</source>
        <translation>Jede Kurvenfamilie verfehlt die gemessenen Punkte bei den größten Umfängen: keine Projektion über die Daten hinaus.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="84" />
        <source>The curve families disagree beyond the data: its shape there is not determined.</source>
        <translation>Die Kurvenfamilien widersprechen sich jenseits der Daten: Die Form der Kurve ist dort nicht bestimmt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="98" />
        <source>80%: %1–%2; 95%: %3–%4</source>
        <translation>80 %: %1–%2; 95 %: %3–%4</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="109" />
        <source>Next step: check the training (learning rate, epochs) before collecting more: a learning curve rises.</source>
        <translation>Nächster Schritt: erst das Training prüfen (Lernrate, Epochen), bevor mehr Daten gesammelt werden: Eine Lernkurve steigt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="111" />
        <source>Next step: measure up to %1 images (%2x) with more runs before projecting.</source>
        <translation>Nächster Schritt: bis %1 Bilder (%2x) mit mehr Läufen messen, bevor projiziert wird.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="114" />
        <source>Next step: collect up to %1 images (%2x) and run the study again to see whether the curve keeps rising.</source>
        <translation>Nächster Schritt: bis %1 Bilder (%2x) sammeln und die Studie erneut ausführen, um zu sehen, ob die Kurve weiter steigt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="120" />
        <source>Next step: collect up to %1 images (%2x) and run the study again.</source>
        <translation>Nächster Schritt: bis %1 Bilder (%2x) sammeln und die Studie erneut ausführen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="124" />
        <source>Next step: collect up to %1 images (%2x) and run the study again — there the 80% band for this target is typically %3x as wide.</source>
        <translation>Nächster Schritt: bis %1 Bilder (%2x) sammeln und die Studie erneut ausführen — dort ist das 80-%-Band für dieses Ziel typischerweise %3-mal so breit.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="134" />
        <source>No answer: the study has fewer than 3 distinct sizes.</source>
        <translation>Keine Antwort: die Studie hat weniger als 3 verschiedene Umfänge.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="136" />
        <source>Targets apply to accuracy-like metrics.</source>
        <translation>Ziele gelten für genauigkeitsartige Metriken.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="146" />
        <source>Reached: %1 measured at %2 images (≈ %3 by interpolation between the measured sizes).</source>
        <translation>Erreicht: %1 gemessen bei %2 Bildern (≈ %3 durch Interpolation zwischen den gemessenen Umfängen).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="148" />
        <source>reached: %1 measured at %2</source>
        <translation>erreicht: %1 gemessen bei %2</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="157" />
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="198" />
        <source>≈ %1 images needed (%2).</source>
        <translation>≈ %1 Bilder nötig (%2).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="160" />
        <source>the curve levels off at %1</source>
        <translation>die Kurve flacht bei %1 ab</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="161" />
        <source>Not reached on the fitted curve: it levels off at %1 (80%: from %2 images, if at all).</source>
        <translation>Auf der angepassten Kurve nicht erreicht: sie flacht bei %1 ab (80 %: ab %2 Bildern, wenn überhaupt).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="165" />
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="167" />
        <source>No answer: the accuracy falls with more data over the measured sizes; there is no learning curve to project.</source>
        <translation>Keine Antwort: Die Genauigkeit sinkt über die gemessenen Größen mit mehr Daten; es gibt keine Lernkurve hochzurechnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="169" />
        <source>No answer: every curve family misses the measured points at the largest sizes.</source>
        <translation>Keine Antwort: jede Kurvenfamilie verfehlt die gemessenen Punkte bei den größten Umfängen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="176" />
        <source>the fit misses the data</source>
        <translation>die Anpassung verfehlt die Daten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="177" />
        <source>No answer from this fit: it gives %1 at %2 images where %3 was measured. Choose the calibrated answer.</source>
        <translation>Keine Antwort aus dieser Anpassung: sie ergibt %1 bei %2 Bildern, wo %3 gemessen wurde. Die kalibrierte Antwort wählen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="186" />
        <source>asymptote %1</source>
        <translation>Asymptote %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="187" />
        <source>unreachable — asymptote %1</source>
        <translation>unerreichbar — Asymptote %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="197" />
        <source>≈ %1 images needed.</source>
        <translation>≈ %1 Bilder nötig.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="230" />
        <source>answer: measured, then projected (calibrated)</source>
        <translation>Antwort: gemessen, dann projiziert (kalibriert)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/learningcurvedata.cpp" line="237" />
        <source>%1 (misses the data)</source>
        <translation>%1 (verfehlt die Daten)</translation>
    </message>
</context>
<context>
    <name>wb::app::LrFinderPanel</name>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="36" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="47" />
        <source>Find LR</source>
        <translation>Lernrate finden</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="48" />
        <source>Train one epoch while the learning rate grows exponentially over the range; the model is left as it was</source>
        <translation>Eine Epoche trainieren, während die Lernrate exponentiell über den Bereich wächst; das Modell bleibt unverändert</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="52" />
        <source>repeats: </source>
        <translation>Wiederholungen: </translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="55" />
        <source>batches: one epoch</source>
        <translation>Batches: eine Epoche</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="56" />
        <source>batches: </source>
        <translation>Batches: </translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="66" />
        <source>Compare lr and lr/2</source>
        <translation>lr und lr/2 vergleichen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="67" />
        <source>Start two training runs, with the learning rate of the form and half of it</source>
        <translation>Zwei Trainingsläufe starten, mit der Lernrate des Formulars und mit der Hälfte davon</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="76" />
        <source>lr from</source>
        <translation>lr von</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="78" />
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="83" />
        <source>Use:</source>
        <translation>Verwenden:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="87" />
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="254" />
        <source>Run the LR range test first.</source>
        <translation>Zuerst den LR-Bereichstest ausführen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="123" />
        <source>An LR range test is already running.</source>
        <translation>Es läuft bereits ein Lernratentest.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="136" />
        <source>The learning-rate range must satisfy 0 &lt; from &lt; to.</source>
        <translation>Für den Lernratenbereich muss 0 &lt; von &lt; bis gelten.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="150" />
        <source>LR range test</source>
        <translation>Lernratentest</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="158" />
        <source>Running the LR range test…</source>
        <translation>Lernratentest läuft…</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="165" />
        <source>The LR range test failed: %1</source>
        <translation>Der Lernratentest ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="166" />
        <source>The LR range test was cancelled.</source>
        <translation>Der Lernratentest wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="197" />
        <source>No LR range test yet: press Find LR.</source>
        <translation>Noch kein Lernratentest: „Lernrate finden“ drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="211" />
        <source>The lr at the minimum of the smoothed loss, divided by 2: the rule of thumb “select a twice smaller learning rate”.</source>
        <translation>Die Lernrate am Minimum des geglätteten Verlusts, halbiert: die Faustregel „eine halb so große Lernrate wählen“.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="214" />
        <source>Where the smoothed loss falls fastest against log(lr).</source>
        <translation>Wo der geglättete Verlust über log(lr) am schnellsten fällt.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="216" />
        <source>Two thirds of the way down the longest sustained descent before the minimum.</source>
        <translation>Zwei Drittel des Wegs entlang des längsten anhaltenden Abstiegs vor dem Minimum.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="217" />
        <source>%1 batches of %2%3, %4 repeat(s). Suggestions: min_loss_half %5, steepest %6, valley %7. Click a marker or a Use button to set the learning rate.</source>
        <translation>%1 von %2 Batches%3, %4 Wiederholung(en). Vorschläge: min_loss_half %5, steepest %6, valley %7. Eine Markierung oder eine Schaltfläche „Verwenden“ anklicken, um die Lernrate zu setzen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="220" />
        <source> (stopped early: the loss diverged)</source>
        <translation> (vorzeitig beendet: der Verlust divergierte)</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="228" />
        <source>The loss was still falling at the end of the range (%1): widen the range upwards before trusting min_loss_half.</source>
        <translation>Der Verlust fiel am Ende des Bereichs (%1) noch: den Bereich nach oben erweitern, bevor man min_loss_half traut.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="255" />
        <source>Set the learning rate to %1</source>
        <translation>Die Lernrate auf %1 setzen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="256" />
        <source>This test gave no such suggestion.</source>
        <translation>Dieser Test ergab keinen solchen Vorschlag.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="284" />
        <source>Learning rate set to %1 (%2).</source>
        <translation>Lernrate auf %1 gesetzt (%2).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="292" />
        <source>Set a learning rate first.</source>
        <translation>Bitte zuerst eine Lernrate setzen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/lrfinderpanel.cpp" line="301" />
        <source>Started runs with lr %1 and %2; they overlay on the training curves.</source>
        <translation>Läufe mit lr %1 und %2 gestartet; sie überlagern sich in den Trainingskurven.</translation>
    </message>
</context>
<context>
    <name>wb::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="93" />
        <source>&amp;Dataset</source>
        <translation>&amp;Datensatz</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="94" />
        <source>&amp;Architecture</source>
        <translation>&amp;Architektur</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="95" />
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="96" />
        <source>&amp;Evaluation</source>
        <translation>A&amp;uswertung</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="97" />
        <source>&amp;Sufficiency</source>
        <translation>&amp;Datenbedarf</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="98" />
        <source>Sc&amp;aling</source>
        <translation>Sk&amp;alierung</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="99" />
        <source>Active &amp;learning</source>
        <translation>Aktives &amp;Lernen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="100" />
        <source>&amp;Variance</source>
        <translation>&amp;Varianz</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="119" />
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="124" />
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="136" />
        <source>Device: %1 GPU(s), %2</source>
        <translation>Gerät: %1 GPU(s), %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="137" />
        <source>Device: CPU, %1 cores</source>
        <translation>Gerät: CPU, %1 Kerne</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="142" />
        <source>%n job(s) running</source>
        <translation><numerusform>%n Auftrag läuft</numerusform><numerusform>%n Aufträge laufen</numerusform></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="161" />
        <source>Resume training</source>
        <translation>Training fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="168" />
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="174" />
        <source>Use these settings</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="193" />
        <source>Resume study</source>
        <translation>Studie fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="203" />
        <source>Study %1: %2 cells merged, %3 already in the session.</source>
        <translation>Studie %1: %2 Zellen übernommen, %3 schon in der Sitzung.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="205" />
        <source>Refused %1: %2</source>
        <translation>Abgelehnt %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="208" />
        <location filename="../app/gui/mainwindow.cpp" line="210" />
        <source>Collect</source>
        <translation>Einsammeln</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="229" />
        <location filename="../app/gui/mainwindow.cpp" line="234" />
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="229" />
        <source>A dataset is being loaded; wait for it first.</source>
        <translation>Ein Datensatz wird geladen; erst darauf warten.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="296" />
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="296" />
        <location filename="../app/gui/mainwindow.cpp" line="330" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="297" />
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="297" />
        <location filename="../app/gui/mainwindow.cpp" line="332" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="302" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="303" />
        <source>&amp;New Session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="304" />
        <source>&amp;Open Session…</source>
        <translation>Sitzung ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="305" />
        <location filename="../app/gui/mainwindow.cpp" line="471" />
        <location filename="../app/gui/mainwindow.cpp" line="474" />
        <location filename="../app/gui/mainwindow.cpp" line="485" />
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="306" />
        <source>Workbench sessions (*.wbs);;All files (*)</source>
        <translation>Workbench-Sitzungen (*.wbs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="310" />
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="312" />
        <source>&amp;Save Session</source>
        <translation>Sitzung &amp;speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="313" />
        <source>An untitled session asks for a place; a saved one is written as it changes.</source>
        <translation>Eine unbenannte Sitzung fragt nach einem Ort; eine gespeicherte wird bei jeder Änderung geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="314" />
        <source>Save Session &amp;As…</source>
        <translation>Sitzung speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="322" />
        <source>Export &amp;Report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="329" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="378" />
        <source>&amp;Getting Started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="379" />
        <source>Show &amp;Hints</source>
        <translation>&amp;Hinweise zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="382" />
        <source>A bar above the pages says what to do next on each page.</source>
        <translation>Eine Leiste über den Seiten sagt, was auf jeder Seite als Nächstes zu tun ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="411" />
        <location filename="../app/gui/mainwindow.cpp" line="494" />
        <location filename="../app/gui/mainwindow.cpp" line="498" />
        <source>Save Session As</source>
        <translation>Sitzung speichern unter</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="412" />
        <source>Workbench sessions (*.wbs)</source>
        <translation>Workbench-Sitzungen (*.wbs)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="475" />
        <source>%1 is open in another workbench window (process %2). Both windows can add runs and studies to it, but each shows only its own until the session is opened again. Open it here too?</source>
        <translation>%1 ist in einem anderen Workbench-Fenster geöffnet (Prozess %2). Beide Fenster können Läufe und Studien hinzufügen, aber jedes zeigt nur seine eigenen, bis die Sitzung erneut geöffnet wird. Hier auch öffnen?</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="30" />
        <location filename="../app/gui/mainwindowexport.cpp" line="43" />
        <source>No session is open.</source>
        <translation>Keine Sitzung geöffnet.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="36" />
        <source>Exporting all plots to %1… (progress and Cancel in the Jobs panel)</source>
        <translation>Alle Diagramme werden nach %1 exportiert … (Fortschritt und Abbrechen im Aufgabenbereich)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="101" />
        <source>The session has no study yet: run one on the Sufficiency, Scaling, Active learning or Variance page, then report on it.</source>
        <translation>Die Sitzung hat noch keine Studie: Führen Sie eine auf der Seite Datenbedarf, Skalierung, Aktives Lernen oder Varianz aus und erstellen Sie dann den Bericht.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="316" />
        <source>&amp;Export All Plots…</source>
        <translation>Alle Diagramme e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="72" />
        <location filename="../app/gui/mainwindow.cpp" line="317" />
        <location filename="../app/gui/mainwindow.cpp" line="320" />
        <source>Export All Plots</source>
        <translation>Alle Diagramme exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="325" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="342" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="349" />
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="352" />
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="362" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="362" />
        <source>The language changes when the workbench is started again.</source>
        <translation>Die Sprache wechselt beim nächsten Start der Workbench.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="366" />
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="367" />
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="371" />
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="373" />
        <source>&amp;Cancel Training</source>
        <translation>Training a&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="375" />
        <source>Cancel &amp;All Jobs</source>
        <translation>&amp;Alle Aufträge abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="377" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="386" />
        <source>&amp;About Sufficiency Workbench</source>
        <translation>&amp;Über Sufficiency Workbench</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="387" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="425" />
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="435" />
        <source>This session was never saved: its runs and studies live in a temporary folder that is deleted when the workbench quits. Save it first?</source>
        <translation>Diese Sitzung wurde nie gespeichert: ihre Läufe und Studien liegen in einem temporären Ordner, der beim Beenden gelöscht wird. Zuerst speichern?</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="459" />
        <location filename="../app/gui/mainwindow.cpp" line="463" />
        <source>New Session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="450" />
        <source>Wait for the running jobs to finish, or cancel them, first.</source>
        <translation>Bitte erst warten, bis die laufenden Aufträge fertig sind, oder sie abbrechen.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="485" />
        <source>The session could not be opened, and was not changed:

%1</source>
        <translation>Die Sitzung konnte nicht geöffnet werden und wurde nicht verändert:

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="21" />
        <location filename="../app/gui/mainwindowrecovery.cpp" line="25" />
        <location filename="../app/gui/mainwindowrecovery.cpp" line="48" />
        <location filename="../app/gui/mainwindowrecovery.cpp" line="60" />
        <source>Recover Session</source>
        <translation>Sitzung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="28" />
        <source>Recovered the untitled session; save it with Save Session As.</source>
        <translation>Die unbenannte Sitzung wurde wiederhergestellt; speichern Sie sie mit „Sitzung speichern unter“.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="40" />
        <source>The newest holds %1 run(s), %2 study(ies) and %3 other result(s); it was last changed %4.</source>
        <translation>Die neueste enthält %1 Lauf/Läufe, %2 Studie(n) und %3 weitere(s) Ergebnis(se); zuletzt geändert %4.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="46" />
        <source>The newest cannot be read: %1</source>
        <translation>Die neueste kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="49" />
        <source>The workbench ended without saving %1 untitled session(s).</source>
        <translation>Die Workbench wurde beendet, ohne %1 unbenannte Sitzung(en) zu speichern.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="52" />
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="53" />
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="54" />
        <source>Not Now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowrecovery.cpp" line="61" />
        <source>Delete the %1 untitled session(s) for good? Their runs and studies are lost.</source>
        <translation>Die %1 unbenannte(n) Sitzung(en) endgültig löschen? Ihre Läufe und Studien gehen verloren.</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="554" />
        <source>%1 — Sufficiency Workbench</source>
        <translation>%1 — Sufficiency Workbench</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="555" />
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="48" />
        <source>an untitled session (not saved)</source>
        <translation>eine unbenannte Sitzung (nicht gespeichert)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="53" />
        <source>Report to %1</source>
        <translation>Bericht nach %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="62" />
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="64" />
        <location filename="../app/gui/mainwindowexport.cpp" line="73" />
        <location filename="../app/gui/mainwindowexport.cpp" line="79" />
        <location filename="../app/gui/mainwindowexport.cpp" line="97" />
        <location filename="../app/gui/mainwindowexport.cpp" line="101" />
        <location filename="../app/gui/mainwindowexport.cpp" line="108" />
        <location filename="../app/gui/mainwindowexport.cpp" line="117" />
        <location filename="../app/gui/mainwindowexport.cpp" line="124" />
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="93" />
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="106" />
        <source>All of them, one after another</source>
        <translation>Alle, nacheinander</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="108" />
        <source>Report on:</source>
        <translation>Bericht über:</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="71" />
        <location filename="../app/gui/mainwindowexport.cpp" line="114" />
        <source>HTML report, self-contained (*.html)</source>
        <translation>HTML-Bericht, in sich geschlossen (*.html)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindowexport.cpp" line="71" />
        <location filename="../app/gui/mainwindowexport.cpp" line="114" />
        <source>PDF report (*.pdf)</source>
        <translation>PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="563" />
        <location filename="../app/gui/mainwindow.cpp" line="571" />
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="572" />
        <source>%n job(s) are still running. Cancel them and quit? Finished epochs are kept in the session; cancelled runs can be resumed.</source>
        <translation><numerusform>%n Auftrag läuft noch. Abbrechen und beenden? Abgeschlossene Epochen bleiben in der Sitzung; abgebrochene Läufe lassen sich fortsetzen.</numerusform><numerusform>%n Aufträge laufen noch. Abbrechen und beenden? Abgeschlossene Epochen bleiben in der Sitzung; abgebrochene Läufe lassen sich fortsetzen.</numerusform></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="609" />
        <source>Study %1: %2 cell file(s) refused, e.g. %3: %4</source>
        <translation>Studie %1: %2 Zellendatei(en) abgelehnt, z. B. %3: %4</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="617" />
        <source>Collecting study cells failed: %1</source>
        <translation>Einsammeln der Studienzellen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="667" />
        <source>Cancel study</source>
        <translation>Studie abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="681" />
        <source>listed in the session</source>
        <translation>in der Sitzung eingetragen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="682" />
        <source>Register %1</source>
        <translation>%1 eintragen</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="728" />
        <source>Getting Started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="749" />
        <source>About Sufficiency Workbench</source>
        <translation>Über Sufficiency Workbench</translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="750" />
        <source>&lt;h3&gt;Sufficiency Workbench %1&lt;/h3&gt;&lt;p&gt;Deep learning on small image datasets: is it worth collecting more data?&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;LibTorch %3&lt;br&gt;CUDA devices: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sufficiency Workbench %1&lt;/h3&gt;&lt;p&gt;Deep Learning auf kleinen Bilddatensätzen: Lohnt es sich, mehr Daten zu sammeln?&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;LibTorch %3&lt;br&gt;CUDA-Geräte: %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>wb::app::ModelFamilyPicker</name>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="35" />
        <source>Your model files…</source>
        <translation>Eigene Modelldateien…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="36" />
        <source>A family of your own TorchScript models of different sizes as the model axis, instead of a preset's widths</source>
        <translation>Eine Familie eigener TorchScript-Modelle verschiedener Größe als Modellachse statt der Breiten einer Vorlage</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="38" />
        <source>Use the preset</source>
        <translation>Vorlage verwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="77" />
        <source>Load a dataset first: the models are checked on its images.</source>
        <translation>Zuerst einen Datensatz laden: die Modelle werden an seinen Bildern geprüft.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="80" />
        <source>Your model files</source>
        <translation>Eigene Modelldateien</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="81" />
        <source>TorchScript models (*.pt *.pth *.ptc);;All files (*)</source>
        <translation>TorchScript-Modelle (*.pt *.pth *.ptc);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="85" />
        <source>A model axis needs at least 2 files of different sizes.</source>
        <translation>Eine Modellachse braucht mindestens 2 Dateien verschiedener Größe.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="89" />
        <source>Reading the files…</source>
        <translation>Die Dateien werden gelesen…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="105" />
        <source>%1. %2: %3 parameters, %4 FLOPs</source>
        <translation>%1. %2: %3 Parameter, %4 FLOPs</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/modelfamilypicker.cpp" line="110" />
        <source>Model axis, smallest first (FLOPs per image measured by LibTorch's profiler):</source>
        <translation>Modellachse, kleinstes zuerst (FLOPs je Bild mit dem Profiler von LibTorch gemessen):</translation>
    </message>
</context>
<context>
    <name>wb::app::PlotExportJob</name>
    <message>
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="75" />
        <source>An export is running already; wait for it or cancel it in the Jobs panel.</source>
        <translation>Ein Export läuft bereits; warten Sie ihn ab oder brechen Sie ihn im Aufgabenbereich ab.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="82" />
        <source>Export all plots to %1</source>
        <translation>Alle Diagramme nach %1 exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="84" />
        <source>Reading the session</source>
        <translation>Sitzung wird gelesen</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="99" />
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="103" />
        <source>Plot %1 of %2: %3</source>
        <translation>Diagramm %1 von %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="111" />
        <source>%n file(s) written</source>
        <translation><numerusform>%n Datei geschrieben</numerusform><numerusform>%n Dateien geschrieben</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="122" />
        <source>%n file(s) written to %1</source>
        <translation><numerusform>%n Datei nach %1 geschrieben</numerusform><numerusform>%n Dateien nach %1 geschrieben</numerusform></translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="130" />
        <source>Export cancelled; the files it had written were removed.</source>
        <translation>Export abgebrochen; die bereits geschriebenen Dateien wurden entfernt.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/plotexportjob.cpp" line="131" />
        <source>Export failed: %1 The files it had written were removed.</source>
        <translation>Export fehlgeschlagen: %1 Die bereits geschriebenen Dateien wurden entfernt.</translation>
    </message>
</context>
<context>
    <name>wb::app::PoolLoopView</name>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="66" />
        <source>Label next…</source>
        <translation>Als Nächstes labeln…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="67" />
        <source>Score a folder of your unlabelled images and list the ones to label next.</source>
        <translation>Einen Ordner Ihrer ungelabelten Bilder bewerten und die als Nächstes zu labelnden auflisten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="68" />
        <source>Add labels…</source>
        <translation>Labels hinzufügen…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="69" />
        <source>Bring the labelled picks back — a CSV of path,label (or the exported list with its label column filled in), or a folder &lt;class&gt;/&lt;image&gt; — and retrain on them.</source>
        <translation>Die gelabelten Auswahlen zurückbringen – eine CSV mit path,label (oder die exportierte Liste mit ausgefüllter label-Spalte) oder einen Ordner &lt;Klasse&gt;/&lt;Bild&gt; – und darauf neu trainieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="72" />
        <source>From a CSV file…</source>
        <translation>Aus einer CSV-Datei…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="73" />
        <source>From a labelled folder…</source>
        <translation>Aus einem gelabelten Ordner…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="75" />
        <source>Export list…</source>
        <translation>Liste exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="76" />
        <source>The picks as CSV, ranked, with an empty label column for the annotators.</source>
        <translation>Die Auswahlen als CSV, nach Rang, mit leerer label-Spalte für die Annotierenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="77" />
        <source>Copy to folder…</source>
        <translation>In Ordner kopieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="78" />
        <source>Copy (never move) the picked images into a folder, named by rank.</source>
        <translation>Die ausgewählten Bilder in einen Ordner kopieren (nie verschieben), nach Rang benannt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="81" />
        <source>Export picks</source>
        <translation>Auswahlen exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="82" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="88" />
        <source>Copy the picks to</source>
        <translation>Auswahlen kopieren nach</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="104" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="104" />
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="104" />
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="104" />
        <source>Predicted (p)</source>
        <translation>Vorhergesagt (p)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="104" />
        <source>Second (p)</source>
        <translation>Zweite (p)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="104" />
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="168" />
        <source>&lt;b&gt;Your own unlabelled images:&lt;/b&gt; Label next… scores a folder of them with a network trained on the labelled images and lists the ones worth labelling first.</source>
        <translation>&lt;b&gt;Ihre eigenen ungelabelten Bilder:&lt;/b&gt; „Als Nächstes labeln…“ bewertet einen Ordner davon mit einem auf den gelabelten Bildern trainierten Netz und listet die auf, deren Labeln sich zuerst lohnt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="171" />
        <source>Loop on %1 with %2: %3 labels added from pools in %4 rounds.</source>
        <translation>Schleife auf %1 mit %2: %3 Labels aus Pools in %4 Runden hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="178" />
        <source>&lt;b&gt;Round %1's %2 picks wait for labels&lt;/b&gt;: export them, label them, then Add labels….</source>
        <translation>&lt;b&gt;Die %2 Auswahlen von Runde %1 warten auf Labels&lt;/b&gt;: exportieren, labeln, dann „Labels hinzufügen…“.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="182" />
        <location filename="../app/gui/studies/poolloopview.cpp" line="396" />
        <source>Round %1: %2 labels added.</source>
        <translation>Runde %1: %2 Labels hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="192" />
        <source>labelled images</source>
        <translation>gelabelte Bilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="193" />
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="196" />
        <source>your loop (measured)</source>
        <translation>Ihre Schleife (gemessen)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="206" />
        <source>%1 in study %2 (simulated, median)</source>
        <translation>%1 in Studie %2 (simuliert, Median)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="215" />
        <source>The accuracy after each round appears here once a network is trained on your labels.</source>
        <translation>Die Genauigkeit nach jeder Runde erscheint hier, sobald ein Netz auf Ihren Labels trainiert ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="217" />
        <source>Dashed: the simulated study on the same data (fixed steps per round); solid: your rounds.</source>
        <translation>Gestrichelt: die simulierte Studie auf denselben Daten (feste Schritte je Runde); durchgezogen: Ihre Runden.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="268" />
        <source>A step of the loop is running already.</source>
        <translation>Ein Schritt der Schleife läuft bereits.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="275" />
        <source>%1… (progress in the Jobs panel)</source>
        <translation>%1… (Fortschritt im Aufgabenbereich)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="285" />
        <source>Cancelled; nothing of this step was kept but what the session shows.</source>
        <translation>Abgebrochen; von diesem Schritt ist nur erhalten, was die Sitzung zeigt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="298" />
        <source>Load the labelled dataset on the Dataset page first.</source>
        <translation>Laden Sie zuerst den gelabelten Datensatz auf der Seite Datensatz.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="324" />
        <source>Label next: %1 of %2</source>
        <translation>Als Nächstes labeln: %1 aus %2</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="330" />
        <source>The session's loop labels images of %1: load that dataset on the Dataset page first.</source>
        <translation>Die Schleife der Sitzung labelt Bilder von %1: Laden Sie diesen Datensatz zuerst auf der Seite Datensatz.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="357" />
        <source>Round %1: %2 picked %3 of %4 new images with run %5 (%6 already labelled, %7 unreadable, %8 s).</source>
        <translation>Runde %1: %2 wählte %3 von %4 neuen Bildern mit Lauf %5 (%6 schon gelabelt, %7 unlesbar, %8 s).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="368" />
        <source>First unreadable: %1 (%2).</source>
        <translation>Erstes unlesbares: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="372" />
        <source>&lt;b&gt;Next:&lt;/b&gt; Export list… or Copy to folder…, label them, then Add labels….</source>
        <translation>&lt;b&gt;Weiter:&lt;/b&gt; „Liste exportieren…“ oder „In Ordner kopieren…“, labeln, dann „Labels hinzufügen…“.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="380" />
        <source>No picks wait for labels: Label next… first.</source>
        <translation>Keine Auswahlen warten auf Labels: zuerst „Als Nächstes labeln…“.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="385" />
        <source>Add labels from %1</source>
        <translation>Labels aus %1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="398" />
        <source>%1 skipped, first: %2.</source>
        <translation>%1 übersprungen, erstes: %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="403" />
        <source>Load %1 on the Dataset page to retrain on them (Label next… trains first).</source>
        <translation>Laden Sie %1 auf der Seite Datensatz, um darauf neu zu trainieren („Als Nächstes labeln…“ trainiert zuerst).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="411" />
        <source>Run %1 on %2 labelled images: test accuracy %3 (was %4 with %5).</source>
        <translation>Lauf %1 auf %2 gelabelten Bildern: Testgenauigkeit %3 (vorher %4 mit %5).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="424" />
        <source>No picks to export yet.</source>
        <translation>Noch keine Auswahlen zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="433" />
        <source>Round %1's %2 picks written to %3; fill in its label column and Add labels….</source>
        <translation>Die %2 Auswahlen von Runde %1 wurden nach %3 geschrieben; füllen Sie die label-Spalte aus und dann „Labels hinzufügen…“.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="444" />
        <source>No picks to copy yet.</source>
        <translation>Noch keine Auswahlen zum Kopieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="449" />
        <source>Copy %1 picks</source>
        <translation>%1 Auswahlen kopieren</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="452" />
        <source>%1 picks copied to %2, named by rank.</source>
        <translation>%1 Auswahlen nach %2 kopiert, nach Rang benannt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="461" />
        <source>Label next</source>
        <translation>Als Nächstes labeln</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="462" />
        <source>Round %1's %2 picks have no labels yet. Discard them and pick again?</source>
        <translation>Die %2 Auswahlen von Runde %1 haben noch keine Labels. Verwerfen und neu auswählen?</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="473" />
        <source>the loop's last network (run %1, %2 labelled, accuracy %3)</source>
        <translation>das letzte Netz der Schleife (Lauf %1, %2 gelabelt, Genauigkeit %3)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="483" />
        <source>train %1 on the labelled images first</source>
        <translation>zuerst %1 auf den gelabelten Bildern trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="484" />
        <source>train the page's model on the labelled images first</source>
        <translation>zuerst das Modell der Seite auf den gelabelten Bildern trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="488" />
        <source>run %1: %2 (accuracy %3)</source>
        <translation>Lauf %1: %2 (Genauigkeit %3)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="509" />
        <source>Labelled picks: a folder &lt;class&gt;/&lt;image&gt;</source>
        <translation>Gelabelte Auswahlen: ein Ordner &lt;Klasse&gt;/&lt;Bild&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="510" />
        <source>Labelled picks</source>
        <translation>Gelabelte Auswahlen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/poolloopview.cpp" line="511" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>wb::app::RunActions</name>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="44" />
        <source>Resume training</source>
        <translation>Training fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="46" />
        <source>Continue from the last finished epoch (cancelled, interrupted or failed runs).</source>
        <translation>Ab der letzten abgeschlossenen Epoche weitermachen (abgebrochene, unterbrochene oder fehlgeschlagene Läufe).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="47" />
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="49" />
        <source>Use these settings</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="50" />
        <source>Copy the run's architecture and training settings into the Architecture and Training pages, to train it again or vary it.</source>
        <translation>Architektur und Trainingseinstellungen des Laufs in die Seiten Architektur und Training übernehmen, um ihn erneut zu trainieren oder abzuwandeln.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="52" />
        <source>Export Model…</source>
        <translation>Modell exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="54" />
        <source>Write the trained network for PyTorch (model.py + weights.pt) or ONNX (model.onnx), to use it outside the workbench.</source>
        <translation>Das trainierte Netz für PyTorch (model.py + weights.pt) oder ONNX (model.onnx) schreiben, um es außerhalb der Workbench zu nutzen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="56" />
        <source>Export Report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="57" />
        <source>One HTML or PDF file with the run's curves, final metrics and stored evaluation, to share.</source>
        <translation>Eine HTML- oder PDF-Datei mit den Kurven, Endwerten und der gespeicherten Auswertung des Laufs, zum Weitergeben.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="59" />
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="60" />
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="77" />
        <location filename="../app/gui/training/runactions.cpp" line="80" />
        <source>Rename run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="77" />
        <source>Name of run #%1:</source>
        <translation>Name von Lauf #%1:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="83" />
        <location filename="../app/gui/training/runactions.cpp" line="88" />
        <source>Delete run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/training/runactions.cpp" line="84" />
        <source>Delete run %1 with its %n epoch(s) of history and checkpoints? This cannot be undone.</source>
        <translation><numerusform>Lauf %1 mit seiner %n Epoche Verlauf und Checkpoints löschen? Das lässt sich nicht rückgängig machen.</numerusform><numerusform>Lauf %1 mit seinen %n Epochen Verlauf und Checkpoints löschen? Das lässt sich nicht rückgängig machen.</numerusform></translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="95" />
        <source>A run needs a name.</source>
        <translation>Ein Lauf braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/runactions.cpp" line="112" />
        <source>Run %1 is being trained; cancel it before deleting it.</source>
        <translation>Lauf %1 wird trainiert; vor dem Löschen abbrechen.</translation>
    </message>
</context>
<context>
    <name>wb::app::ScalingPage</name>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="51" />
        <source>More than 10× outside the grid: a guess, not an answer.</source>
        <translation>Mehr als 10× außerhalb des Rasters: eine Vermutung, keine Antwort.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="80" />
        <source>The preset whose width grows: cnn's first channel count, mlp's hidden units, resnet18's base channels, lenet5's and tutorial-cnn's first convolution (the rest scaled with it).</source>
        <translation>Die Vorlage, deren Breite wächst: die erste Kanalzahl von cnn, die verdeckten Einheiten von mlp, die Basiskanäle von resnet18, die erste Faltung von lenet5 und tutorial-cnn (der Rest wächst mit).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="87" />
        <location filename="../app/gui/studies/scalingpage.cpp" line="88" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="90" />
        <source>equal steps</source>
        <translation>gleiche Schritte</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="91" />
        <source>equal epochs</source>
        <translation>gleiche Epochen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="92" />
        <source>Equal steps: every cell takes as many optimisation steps as the full-data cell, so that small subsets are not also under-trained (the cleaner law). Equal epochs: the same passes over each cell's own images (cheaper).</source>
        <translation>Gleiche Schritte: jede Zelle macht so viele Optimierungsschritte wie die Zelle mit allen Daten, damit kleine Teilmengen nicht zusätzlich untertrainiert sind (das sauberere Gesetz). Gleiche Epochen: gleich viele Durchläufe über die eigenen Bilder jeder Zelle (billiger).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="111" />
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="113" />
        <source>Base width:</source>
        <translation>Grundbreite:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="114" />
        <source>Widths (×√2 steps):</source>
        <translation>Breiten (×√2-Schritte):</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="115" />
        <source>Data fractions (halvings):</source>
        <translation>Datenanteile (Halbierungen):</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="117" />
        <source>Seeds per cell:</source>
        <translation>Seeds pro Zelle:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="118" />
        <source>Budget:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="119" />
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="120" />
        <source>Training images:</source>
        <translation>Trainingsbilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="121" />
        <source>Test images:</source>
        <translation>Testbilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="136" />
        <source>No grid study yet: choose the widths and data fractions on the left and press Run grid.</source>
        <translation>Noch keine Rasterstudie: links Breiten und Datenanteile wählen und „Raster starten“ drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="393" />
        <source>No predictions: the law does not describe these cells well enough (see the warnings). The largest cell measured %1; the cells' own numbers are in the views below.</source>
        <translation>Keine Vorhersagen: Das Gesetz beschreibt diese Zellen nicht gut genug (siehe die Warnungen). Die größte Zelle ergab gemessen %1; die Werte der Zellen selbst stehen in den Ansichten unten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="398" />
        <source>Predicted test loss: 2× data %1; 2× parameters %2 (the largest cell: measured %3, the law's fit %4).</source>
        <translation>Vorhergesagter Testverlust: 2× Daten %1; 2× Parameter %2 (die größte Zelle: gemessen %3, Anpassung des Gesetzes %4).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="388" />
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="58" />
        <source>Run grid</source>
        <translation>Raster starten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="58" />
        <source>Train every (width, data fraction, seed) cell; each cell is saved as it finishes.</source>
        <translation>Jede Zelle (Breite, Datenanteil, Seed) trainieren; jede Zelle wird gespeichert, sobald sie fertig ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="59" />
        <source>Run the missing cells of the study shown; the cells already done are kept.</source>
        <translation>Die fehlenden Zellen der gezeigten Studie rechnen; fertige Zellen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="60" />
        <source>Dataset, optimizer, learning rate and batch size come from the Dataset and Training pages (the published grid used AdamW, lr 0.001).</source>
        <translation>Datensatz, Optimierer, Lernrate und Batchgröße kommen von den Seiten Datensatz und Training (das veröffentlichte Raster nutzte AdamW, lr 0,001).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="125" />
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="125" />
        <source>&lt;b&gt;Stored grid studies&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gespeicherte Rasterstudien&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="147" />
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="148" />
        <source>By model size</source>
        <translation>Nach Modellgröße</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="149" />
        <source>By data size</source>
        <translation>Nach Datenmenge</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="150" />
        <source>Loss vs compute</source>
        <translation>Verlust über Rechenaufwand</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="151" />
        <location filename="../app/gui/studies/scalingpage.cpp" line="262" />
        <source>No grid study yet: set the grid on the left and press Run grid.</source>
        <translation>Noch keine Rasterstudie: links das Raster einstellen und „Raster starten“ drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="155" />
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="178" />
        <source>Widths %1; fractions %2.</source>
        <translation>Breiten %1; Anteile %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="208" />
        <source>A grid study is already running.</source>
        <translation>Eine Rasterstudie läuft bereits.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="62" />
        <source>cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="245" />
        <source>Scaling grid (%1 cells)</source>
        <translation>Skalierungsraster (%1 Zellen)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="62" />
        <source>Running… the heatmap fills in as cells finish (progress in the Jobs panel).</source>
        <translation>Läuft… die Heatmap füllt sich, sobald Zellen fertig sind (Fortschritt im Auftragsbereich).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="301" />
        <location filename="../app/gui/studies/scalingpage.cpp" line="337" />
        <source>Study %1: %2, %3 of %4 cells.</source>
        <translation>Studie %1: %2, %3 von %4 Zellen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="308" />
        <source>The scaling law needs at least 3 model sizes × 3 data sizes (6 cells) with a finite test loss; it is fitted once they have finished.</source>
        <translation>Das Skalierungsgesetz braucht mindestens 3 Modellgrößen × 3 Datenmengen (6 Zellen) mit endlichem Testverlust; es wird angepasst, sobald diese fertig sind.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="314" />
        <source>Fitting the scaling law…</source>
        <translation>Skalierungsgesetz wird angepasst…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="354" />
        <source>L(N, D) = E + A/N&lt;sup&gt;α&lt;/sup&gt; + B/D&lt;sup&gt;β&lt;/sup&gt;&lt;/b&gt; on %1 cells: E %2, A %3, B %4, α %5, β %6 (95% bootstrap intervals)</source>
        <translation>L(N, D) = E + A/N&lt;sup&gt;α&lt;/sup&gt; + B/D&lt;sup&gt;β&lt;/sup&gt;&lt;/b&gt; auf %1 Zellen: E %2, A %3, B %4, α %5, β %6 (95-%-Bootstrap-Intervalle)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="360" />
        <source>%1% off</source>
        <translation>%1 % daneben</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="360" />
        <source>not measured (too few cells)</source>
        <translation>nicht gemessen (zu wenige Zellen)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="363" />
        <source>Median miss of the cells %1%; held out: the largest model predicted %2, the largest data size %3.</source>
        <translation>Medianer Fehler an den Zellen %1 %; zurückgehalten: das größte Modell %2 vorhergesagt, die größte Datenmenge %3.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="378" />
        <source>%1 [%2, %3]</source>
        <translation>%1 [%2, %3]</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="406" />
        <source>At %1 images, doubling a model beyond %2 parameters gains less than 1% (%3× the largest model measured).</source>
        <translation>Bei %1 Bildern bringt ein Verdoppeln über %2 Parameter hinaus weniger als 1 % (%3× das größte gemessene Modell).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/scalingpage.cpp" line="416" />
        <source>Compute-optimal at the largest cell's one-pass compute (%1 FLOPs): %2 parameters on %3 images, loss %4.</source>
        <translation>Rechenoptimal beim Aufwand eines Durchlaufs der größten Zelle (%1 FLOPs): %2 Parameter auf %3 Bildern, Verlust %4.</translation>
    </message>
</context>
<context>
    <name>wb::app::ScriptModelPanel</name>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="36" />
        <source>Module (tick to freeze)</source>
        <translation>Modul (ankreuzen zum Einfrieren)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="36" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="36" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="36" />
        <source>Trainable</source>
        <translation>Trainierbar</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="44" />
        <source>from scratch (re-initialised, seeded per run)</source>
        <translation>von Grund auf (neu initialisiert, je Lauf geseedet)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="45" />
        <source>the weights in the file (fine-tuning)</source>
        <translation>die Gewichte aus der Datei (Feinabstimmung)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="47" />
        <source>training split's mean and std</source>
        <translation>Mittelwert und Standardabweichung des Trainingsanteils</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="48" />
        <source>ImageNet statistics (pretrained backbones)</source>
        <translation>ImageNet-Statistik (vortrainierte Backbones)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="49" />
        <source>none (pixels / 255)</source>
        <translation>keine (Pixel / 255)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="50" />
        <source>New head: a freshly initialised last nn.Linear with the dataset's classes</source>
        <translation>Neuer Kopf: ein frisch initialisiertes letztes nn.Linear mit den Klassen des Datensatzes</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="51" />
        <source>Back to the layer editor</source>
        <translation>Zurück zum Schichteditor</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="54" />
        <source>Initial weights:</source>
        <translation>Anfangsgewichte:</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="55" />
        <source>Input normalisation:</source>
        <translation>Eingabenormierung:</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="80" />
        <source>&lt;b&gt;%1&lt;/b&gt; — your PyTorch model (TorchScript, SHA-256 %2…)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Ihr PyTorch-Modell (TorchScript, SHA-256 %2…)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="86" />
        <source>%1 parameters, %2 trainable, %3 frozen. A dry forward pass on two images %4×%5×%6 gives [%7].</source>
        <translation>%1 Parameter, %2 trainierbar, %3 eingefroren. Ein Probedurchlauf mit zwei Bildern %4×%5×%6 ergibt [%7].</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="94" />
        <source>Features for t-SNE and core-set: %1, %2 dimensions.</source>
        <translation>Merkmale für t-SNE und Core-Set: %1, %2 Dimensionen.</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="97" />
        <source>No features for t-SNE and core-set: %1.</source>
        <translation>Keine Merkmale für t-SNE und Core-Set: %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="99" />
        <source>Its dropout is seeded per run.</source>
        <translation>Sein Dropout wird je Lauf geseedet.</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="139" />
        <source>(the model)</source>
        <translation>(das Modell)</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="151" />
        <source>Freeze %1: its parameters keep their values, its batch norms stay in evaluation mode</source>
        <translation>%1 einfrieren: seine Parameter behalten ihre Werte, seine Batch-Norms bleiben im Auswertungsmodus</translation>
    </message>
    <message>
        <location filename="../app/gui/model/scriptmodelpanel.cpp" line="189" />
        <source>Checking the model…</source>
        <translation>Modell wird geprüft…</translation>
    </message>
</context>
<context>
    <name>wb::app::SessionDocument</name>
    <message>
        <location filename="../app/gui/sessiondocument.cpp" line="115" />
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiondocument.cpp" line="94" />
        <source>%1 could not be taken over (it may have been recovered by another workbench).</source>
        <translation>%1 konnte nicht übernommen werden (vielleicht hat eine andere Workbench sie wiederhergestellt).</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiondocument.cpp" line="130" />
        <source>Cannot create the folder %1 for the new session.</source>
        <translation>Der Ordner %1 für die neue Sitzung kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiondocument.cpp" line="178" />
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiondocument.cpp" line="182" />
        <source>%1 is read-only. Copy it somewhere writable, or change its permissions, to work with it.</source>
        <translation>%1 ist schreibgeschützt. Bitte an einen beschreibbaren Ort kopieren oder die Rechte ändern, um damit zu arbeiten.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiondocument.cpp" line="210" />
        <source>No session is open.</source>
        <translation>Keine Sitzung geöffnet.</translation>
    </message>
</context>
<context>
    <name>wb::app::SessionTree</name>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="33" />
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="33" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="58" />
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="59" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="60" />
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="61" />
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="62" />
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="73" />
        <source>%1 (%2 train)</source>
        <translation>%1 (%2 Training)</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="75" />
        <source>%1 train / %2 test, %3 classes</source>
        <translation>%1 Training / %2 Test, %3 Klassen</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="84" />
        <source>%1
Loaded now.</source>
        <translation>%1
Jetzt geladen.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="85" />
        <source>%1
Double-click to load it.</source>
        <translation>%1
Doppelklick lädt ihn.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="88" />
        <source>#%1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="92" />
        <source>, test accuracy %1</source>
        <translation>, Testgenauigkeit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="98" />
        <source>%1, %2: %3/%4 cells</source>
        <translation>%1, %2: %3/%4 Zellen</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="104" />
        <source>, %1 failed</source>
        <translation>, %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="119" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="155" />
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="158" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="160" />
        <source>Collect finished cells</source>
        <translation>Fertige Zellen einsammeln</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="164" />
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="165" />
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="167" />
        <source>Export cells as CSV…</source>
        <translation>Zellen als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="168" />
        <source>Export Report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="171" />
        <source>This build writes no report for this kind of study.</source>
        <translation>Dieser Build schreibt für diese Art Studie keinen Bericht.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="185" />
        <location filename="../app/gui/sessiontree.cpp" line="187" />
        <source>Rename study</source>
        <translation>Studie umbenennen</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="185" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="189" />
        <location filename="../app/gui/sessiontree.cpp" line="193" />
        <source>Delete study</source>
        <translation>Studie löschen</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="190" />
        <source>Delete study #%1 and all its finished cells? This cannot be undone.</source>
        <translation>Studie #%1 und alle ihre fertigen Zellen löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="195" />
        <location filename="../app/gui/sessiontree.cpp" line="198" />
        <source>Export cells</source>
        <translation>Zellen exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="196" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="205" />
        <source>A study needs a name.</source>
        <translation>Eine Studie braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="224" />
        <source>Study %1 is running; cancel it first.</source>
        <translation>Studie %1 läuft; bitte zuerst abbrechen.</translation>
    </message>
    <message>
        <location filename="../app/gui/sessiontree.cpp" line="248" />
        <source>%1: cannot be written (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
</context>
<context>
    <name>wb::app::SlurmSettingsForm</name>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="18" />
        <source>This computer</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="19" />
        <source>Slurm cluster</source>
        <translation>Slurm-Cluster</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="23" />
        <source>sbatch is not on PATH: start the workbench on a Slurm login node</source>
        <translation>sbatch ist nicht im PATH: Workbench auf einem Slurm-Login-Knoten starten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="26" />
        <source>cluster default</source>
        <translation>Voreinstellung des Clusters</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="28" />
        <source>e.g. 02:00:00</source>
        <translation>z. B. 02:00:00</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="30" />
        <source>e.g. gpu:1</source>
        <translation>z. B. gpu:1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="32" />
        <source>e.g. --account=lab --qos=short</source>
        <translation>z. B. --account=lab --qos=short</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="37" />
        <source>Runs packed into one array task: Slurm spends 1–3 s starting each task.</source>
        <translation>Durchläufe je Array-Task: Slurm braucht 1–3 s, um jeden Task zu starten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="38" />
        <source>Slurm job array</source>
        <translation>Slurm-Job-Array</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="40" />
        <source>Partition:</source>
        <translation>Partition:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="41" />
        <source>Time per task:</source>
        <translation>Zeit je Task:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="42" />
        <source>CPUs per task:</source>
        <translation>CPUs je Task:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="43" />
        <source>Runs per task:</source>
        <translation>Durchläufe je Task:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="44" />
        <source>GRES:</source>
        <translation>GRES:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="45" />
        <source>More sbatch options:</source>
        <translation>Weitere sbatch-Optionen:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/slurmsettingsform.cpp" line="48" />
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
</context>
<context>
    <name>wb::app::StudyControls</name>
    <message>
        <location filename="../app/gui/studies/studycontrols.cpp" line="20" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studycontrols.cpp" line="22" />
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studycontrols.cpp" line="68" />
        <source>The study stopped: %1</source>
        <translation>Die Studie wurde angehalten: %1</translation>
    </message>
</context>
<context>
    <name>wb::app::StudyJobRunner</name>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="47" />
        <source>A study is already running.</source>
        <translation>Es läuft bereits eine Studie.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="58" />
        <source>Study %1 is already complete.</source>
        <translation>Studie %1 ist bereits vollständig.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="62" />
        <source>Study %1 is running in another process (%2).</source>
        <translation>Studie %1 läuft in einem anderen Prozess (%2).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="66" />
        <source>Resume study %1 (%2 of %3 %4 left)</source>
        <translation>Studie %1 fortsetzen (%2 von %3 %4 offen)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="84" />
        <source>Save the session first (File ▸ Save As): the study folder is written beside it, where the cluster's nodes read it.</source>
        <translation>Zuerst die Sitzung speichern (Datei ▸ Speichern unter): Der Studienordner wird daneben angelegt, wo die Knoten des Clusters ihn lesen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="90" />
        <source>%1 is missing: the array tasks run workbench-cli.</source>
        <translation>%1 fehlt: Die Array-Tasks führen workbench-cli aus.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="98" />
        <source>Study %1 submitted as Slurm job %2 (%3 array tasks). Its cells appear here as the tasks finish (collected every 10 s while the session is open).</source>
        <translation>Studie %1 als Slurm-Job %2 eingereicht (%3 Array-Tasks). Ihre Zellen erscheinen hier, sobald die Tasks fertig sind (alle 10 s eingesammelt, solange die Sitzung offen ist).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="122" />
        <source>Study %1 %2: %3 of %4 %5 in %6 s.</source>
        <translation>Studie %1 %2: %3 von %4 %5 in %6 s.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/studyjobrunner.cpp" line="155" />
        <source>#%1 %2 — %3, %4/%5 %6</source>
        <translation>#%1 %2 — %3, %4/%5 %6</translation>
    </message>
</context>
<context>
    <name>wb::app::SufficiencyPage</name>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="70" />
        <source>Run study</source>
        <translation>Studie starten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="71" />
        <source>Run the missing runs of the study shown (interrupted, cancelled or failed); the runs already done are kept.</source>
        <translation>Die fehlenden Durchläufe der angezeigten Studie ausführen (unterbrochen, abgebrochen oder fehlgeschlagen); fertige Durchläufe bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="73" />
        <source>Model, dataset and optimizer come from the other pages.</source>
        <translation>Modell, Datensatz und Optimierer kommen von den anderen Seiten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="107" />
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="107" />
        <source>&lt;b&gt;Stored studies&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gespeicherte Studien&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="141" />
        <source>Target accuracy:</source>
        <translation>Zielgenauigkeit:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="146" />
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="147" />
        <source>95% band</source>
        <translation>95-%-Band</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="153" />
        <source>Project to sizes:</source>
        <translation>Prognose für Größen:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="189" />
        <source>A study is already running.</source>
        <translation>Es läuft bereits eine Studie.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="214" />
        <source>Sufficiency study (%1 runs)</source>
        <translation>Datenbedarfsstudie (%1 Läufe)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="74" />
        <source>Running… each run is saved as it finishes (progress in the Jobs panel).</source>
        <translation>Läuft… jeder Durchlauf wird gespeichert, sobald er fertig ist (Fortschritt im Jobs-Bereich).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="381" />
        <source>%1x the largest measured size: beyond %2x the data a projection is a guess.</source>
        <translation>%1-fache der größten gemessenen Größe: Über das %2-fache der Daten hinaus ist eine Hochrechnung geraten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="233" />
        <source>No study yet.</source>
        <translation>Noch keine Studie.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="73" />
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="99" />
        <source>Where the answer comes from. The calibrated answer (default) fits the sizes that back-test best, leaves out families that miss the data and takes its bands from real learning curves; the power law is the established method's. A target that a measured mean reaches is always answered from the measurements.</source>
        <translation>Woher die Antwort kommt. Die kalibrierte Antwort (Standard) passt die Umfänge an, die sich im Rücktest am besten bewähren, lässt Familien weg, die die Daten verfehlen, und nimmt ihre Bänder aus echten Lernkurven; das Potenzgesetz ist das der etablierten Methode. Ein Ziel, das ein gemessener Mittelwert erreicht, wird immer aus den Messungen beantwortet.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="124" />
        <source>No study yet: set the sizes on the left and press Run study to see how the accuracy grows with the data.</source>
        <translation>Noch keine Studie: links die Größen festlegen und „Studie starten“ drücken, um zu sehen, wie die Genauigkeit mit den Daten wächst.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="146" />
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="146" />
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="146" />
        <source>50% band</source>
        <translation>50-%-Band</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="146" />
        <source>80% band</source>
        <translation>80-%-Band</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="244" />
        <source>%1, %2 of %3 runs</source>
        <translation>%1, %2 von %3 Durchläufen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="250" />
        <source>Study %1: %2 — no run has finished yet.</source>
        <translation>Studie %1: %2 — noch kein Durchlauf fertig.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="257" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="258" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="259" />
        <source>smoothed accuracy</source>
        <translation>geglättete Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="275" />
        <source>Fitting the learning curve…</source>
        <translation>Die Lernkurve wird angepasst…</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="307" />
        <source>%1 × %2 steps, %3 s</source>
        <translation>%1 × %2 Schritte, %3 s</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="318" />
        <source>Calibrated answer: sizes from %1 fitted (smaller ones back-tested worse: drawn hollow); families that fit the data: %2; bands calibrated on %3 real learning curves.</source>
        <translation>Kalibrierte Antwort: Umfänge ab %1 angepasst (kleinere bewährten sich im Rücktest schlechter: hohl gezeichnet); Familien, die die Daten treffen: %2; Bänder kalibriert an %3 echten Lernkurven.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="325" />
        <source>Levels off at %1 (projected).</source>
        <translation>Flacht bei %1 ab (projiziert).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="327" />
        <source>Power law on %1: c = %2, m = %3, c0 = %4&lt;br&gt;asymptote %5; best-extrapolating family: %6</source>
        <translation>Potenzgesetz auf %1: c = %2, m = %3, c0 = %4&lt;br&gt;Asymptote %5; am besten extrapolierende Familie: %6</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="328" />
        <source>1 − metric</source>
        <translation>1 − Metrik</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="328" />
        <source>the metric</source>
        <translation>die Metrik</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="333" />
        <source>&lt;br&gt;Projections from: %1</source>
        <translation>&lt;br&gt;Hochrechnungen aus: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="414" />
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="419" />
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="419" />
        <source>interpolated between measured sizes</source>
        <translation>zwischen gemessenen Größen interpoliert</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="421" />
        <source>projected (beyond %1x: a guess)</source>
        <translation>projiziert (jenseits von %1x: eine Schätzung)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="423" />
        <source>projected</source>
        <translation>projiziert</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="321" />
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="424" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="431" />
        <source>fitted (misses the data)</source>
        <translation>angepasst (verfehlt die Daten)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="432" />
        <source>fitted (beyond %1x: a guess)</source>
        <translation>angepasst (jenseits von %1x: eine Schätzung)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencypage.cpp" line="433" />
        <source>fitted</source>
        <translation>angepasst</translation>
    </message>
</context>
<context>
    <name>wb::app::SufficiencyStudyForm</name>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="24" />
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="25" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="30" />
        <source>optional: 100, 200, 500, …</source>
        <translation>optional: 100, 200, 500, …</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="32" />
        <source>warm start (compatible)</source>
        <translation>Warmstart (kompatibel)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="33" />
        <source>fresh weights per step</source>
        <translation>neue Gewichte je Schritt</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="34" />
        <source>also test loss</source>
        <translation>auch Testverlust</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="35" />
        <source>also smoothed accuracy</source>
        <translation>auch geglättete Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="38" />
        <source>Training set size L:</source>
        <translation>Trainingsmenge L:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="39" />
        <source>Test images T:</source>
        <translation>Testbilder T:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="40" />
        <source>Runs R:</source>
        <translation>Läufe R:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="41" />
        <source>Substeps S:</source>
        <translation>Schritte S:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="42" />
        <source>Explicit sizes:</source>
        <translation>Feste Größen:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="43" />
        <source>Epochs per step:</source>
        <translation>Epochen je Schritt:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="44" />
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/sufficiencystudyform.cpp" line="65" />
        <source>Explicit sizes: '%1' is not a number.</source>
        <translation>Feste Größen: '%1' ist keine Zahl.</translation>
    </message>
</context>
<context>
    <name>wb::app::TrainConfigForm</name>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="21" />
        <source>radam: Adam with the variance of its adaptive rate rectified and decoupled weight decay; ranger: radam with lookahead (every k steps the weights move α of the way back towards a slow copy).</source>
        <translation>radam: Adam mit korrigierter Varianz der adaptiven Rate und entkoppeltem Weight Decay; ranger: radam mit Lookahead (alle k Schritte bewegen sich die Gewichte um α zurück zu einer langsamen Kopie).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="31" />
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="42" />
        <source>also on norm layers and biases</source>
        <translation>auch auf Norm-Schichten und Biases</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="43" />
        <source>Untick to apply no weight decay to batch-norm scales and shifts and to biases.</source>
        <translation>Abwählen, um Batch-Norm-Skalierungen und -Verschiebungen sowie Biases vom Weight Decay auszunehmen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="47" />
        <source>flat, then cosine: the share of the steps at the full learning rate.</source>
        <translation>flach, dann Kosinus: der Anteil der Schritte mit voller Lernrate.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="53" />
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="54" />
        <source>step (÷10 at 50% and 75%)</source>
        <translation>Stufen (÷10 bei 50 % und 75 %)</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="55" />
        <source>one-cycle</source>
        <translation>One-Cycle</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="56" />
        <source>flat, then cosine</source>
        <translation>flach, dann Kosinus</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="61" />
        <source>Random resized crop</source>
        <translation>Zufälliger skalierter Ausschnitt</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="62" />
        <source>Every training image, every epoch: a random crop (aspect 3/4 to 4/3) resized back to the image size. Seeded; off for digits, where position matters little and crops cut strokes.</source>
        <translation>Jedes Trainingsbild, jede Epoche: ein zufälliger Ausschnitt (Seitenverhältnis 3/4 bis 4/3), auf die Bildgröße zurückskaliert. Mit Seed; aus für Ziffern, wo die Lage wenig zählt und Ausschnitte Striche abschneiden.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="68" />
        <source>min area </source>
        <translation>min. Fläche </translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="69" />
        <source>The smallest crop, as a share of the image area (0.35 in the fastai Imagenette study).</source>
        <translation>Der kleinste Ausschnitt als Anteil der Bildfläche (0,35 in der fastai-Imagenette-Studie).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="70" />
        <source>Horizontal flip</source>
        <translation>Horizontal spiegeln</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="71" />
        <source>Mirror half of the training images (not for digits or text: a mirrored 3 is no digit).</source>
        <translation>Die Hälfte der Trainingsbilder spiegeln (nicht für Ziffern oder Text: eine gespiegelte 3 ist keine Ziffer).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="72" />
        <source>Test-time flip</source>
        <translation>Spiegeln beim Testen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="73" />
        <source>Evaluate every image plain and mirrored and average the two predicted distributions.</source>
        <translation>Jedes Bild normal und gespiegelt auswerten und die beiden vorhergesagten Verteilungen mitteln.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="81" />
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="82" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="95" />
        <source>Optimizer:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="96" />
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="97" />
        <source>Momentum / β1:</source>
        <translation>Momentum / β1:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="99" />
        <source>β2 / ε:</source>
        <translation>β2 / ε:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="100" />
        <source>Lookahead k / α:</source>
        <translation>Lookahead k / α:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="101" />
        <source>Weight decay:</source>
        <translation>Gewichtsabnahme:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="103" />
        <source>Schedule:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="104" />
        <source>Flat fraction:</source>
        <translation>Flacher Anteil:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="105" />
        <source>Label smoothing:</source>
        <translation>Label-Glättung:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="106" />
        <source>Augmentation:</source>
        <translation>Augmentierung:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="108" />
        <source>Evaluation:</source>
        <translation>Auswertung:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="109" />
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="110" />
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="111" />
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="112" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="197" />
        <source>%1 '%2' is not a number (write e.g. 0.001 or 1e-3).</source>
        <translation>%1 „%2“ ist keine Zahl (z. B. 0.001 oder 1e-3 schreiben).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="199" />
        <source>%1 %2 must be above 0 and at most %3.</source>
        <translation>%1 %2 muss größer als 0 und höchstens %3 sein.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="201" />
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="203" />
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="205" />
        <source>Epochs must be at least 1.</source>
        <translation>Epochen müssen mindestens 1 sein.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainconfigform.cpp" line="207" />
        <source>Batch size must be at least 1.</source>
        <translation>Die Batchgröße muss mindestens 1 sein.</translation>
    </message>
</context>
<context>
    <name>wb::app::TrainingPage</name>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="109" />
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="110" />
        <location filename="../app/gui/training/trainingpage.cpp" line="230" />
        <source>Train the current architecture on the current dataset (Ctrl+R)</source>
        <translation>Die aktuelle Architektur auf dem aktuellen Datensatz trainieren (Strg+R)</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="111" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="117" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="122" />
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="122" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="122" />
        <source>Test acc.</source>
        <translation>Testgen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="179" />
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="183" />
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="183" />
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="183" />
        <source>Train acc.</source>
        <translation>Trainingsgen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="183" />
        <source>Val. loss</source>
        <translation>Val.-Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="184" />
        <source>Val. acc.</source>
        <translation>Val.-Gen.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="184" />
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="184" />
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="200" />
        <source>Lines: training batches, smoothed (faint: raw); dots: validation after each epoch.</source>
        <translation>Linien: Trainings-Batches, geglättet (blass: roh); Punkte: Validierung nach jeder Epoche.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="271" />
        <source>Run %1 is being trained already.</source>
        <translation>Lauf %1 wird bereits trainiert.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="284" />
        <source>Run %1 is %2: only a cancelled, interrupted or failed run can be resumed.</source>
        <translation>Lauf %1 ist %2: nur ein abgebrochener, unterbrochener oder fehlgeschlagener Lauf kann fortgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="290" />
        <source>Run %1 was trained on %2: load that dataset on the Dataset page first.</source>
        <translation>Lauf %1 wurde auf %2 trainiert: diesen Datensatz zuerst auf der Seite Datensatz laden.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="298" />
        <source>Run %1 was trained on the labels of the session's active-learning loop: resume it with workbench-cli resume, or train the loop's network again (Active learning → Your pool).</source>
        <translation>Lauf %1 wurde auf den Labels der Active-Learning-Schleife der Sitzung trainiert: Setzen Sie ihn mit workbench-cli resume fort oder trainieren Sie das Netz der Schleife neu (Aktives Lernen → Ihr Pool).</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="312" />
        <source>Run %1 resumed after epoch %2.</source>
        <translation>Lauf %1 nach Epoche %2 fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="327" />
        <source>Settings of run %1 loaded: change them and press Train.</source>
        <translation>Einstellungen von Lauf %1 übernommen: anpassen und Trainieren drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="373" />
        <source>Resume run %1</source>
        <translation>Lauf %1 fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="373" />
        <source>Train run %1</source>
        <translation>Lauf %1 trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="81" />
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="82" />
        <source>LR range test</source>
        <translation>Lernratentest</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="139" />
        <source>&lt;b&gt;Runs&lt;/b&gt; (tick to overlay; right-click to resume, evaluate, rename…)</source>
        <translation>&lt;b&gt;Läufe&lt;/b&gt; (ankreuzen zum Überlagern; Rechtsklick zum Fortsetzen, Auswerten, Umbenennen…)</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="237" />
        <source>Load a dataset first.</source>
        <translation>Bitte zuerst einen Datensatz laden.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="239" />
        <source>Fix the architecture first: %1</source>
        <translation>Bitte zuerst die Architektur korrigieren: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="407" />
        <location filename="../app/gui/training/trainingpage.cpp" line="408" />
        <source>Run %1 %2.</source>
        <translation>Lauf %1 %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="411" />
        <source>Run %1 failed: %2</source>
        <translation>Lauf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="409" />
        <source>Run %1 %2: %3</source>
        <translation>Lauf %1 %2: %3</translation>
    </message>
    <message>
        <location filename="../app/gui/training/trainingpage.cpp" line="418" />
        <source>Run %1 started.</source>
        <translation>Lauf %1 gestartet.</translation>
    </message>
</context>
<context>
    <name>wb::app::TsneSettingsForm</name>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="25" />
        <source>Effective number of neighbours per point (at most (points − 1)/3).</source>
        <translation>Effektive Zahl der Nachbarn je Punkt (höchstens (Punkte − 1)/3).</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="33" />
        <source>Early exaggeration of the attractive forces during the first %1 iterations.</source>
        <translation>Anfängliche Verstärkung der anziehenden Kräfte in den ersten %1 Iterationen.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="39" />
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="46" />
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="41" />
        <source>auto: max(points / exaggeration / 4, 50), as scikit-learn.</source>
        <translation>automatisch: max(Punkte / Verstärkung / 4, 50), wie scikit-learn.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="47" />
        <source>Barnes–Hut</source>
        <translation>Barnes–Hut</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="48" />
        <source>FFT interpolation</source>
        <translation>FFT-Interpolation</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="49" />
        <source>How the repulsive forces are computed. auto: Barnes–Hut below %L1 points (faster there), FFT interpolation from then on.</source>
        <translation>Wie die abstoßenden Kräfte berechnet werden. Automatisch: Barnes–Hut unter %L1 Punkten (dort schneller), ab dann FFT-Interpolation.</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="65" />
        <source>&amp;Perplexity</source>
        <translation>&amp;Perplexität</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="66" />
        <source>Ite&amp;rations</source>
        <translation>Ite&amp;rationen</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="67" />
        <source>E&amp;xaggeration</source>
        <translation>&amp;Verstärkung</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="68" />
        <source>&amp;Learning rate</source>
        <translation>&amp;Lernrate</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="69" />
        <source>See&amp;d</source>
        <translation>See&amp;d</translation>
    </message>
    <message>
        <location filename="../app/gui/evaluation/tsnesettingsform.cpp" line="70" />
        <source>&amp;Method</source>
        <translation>&amp;Methode</translation>
    </message>
</context>
<context>
    <name>wb::app::VariancePage</name>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="87" />
        <source>A setup is the network and training settings of the Training and Architecture pages, or those of a stored run (its seed is replaced by the repeat's).</source>
        <translation>Ein Aufbau ist das Netz und die Trainingseinstellungen der Seiten Training und Architektur oder die eines gespeicherten Laufs (sein Seed wird durch den der Wiederholung ersetzt).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="93" />
        <source>Trainings of every setup. Repeat k of A and of B use the same seed (weights, batch order, dropout), so the comparison is paired.</source>
        <translation>Trainings je Aufbau. Wiederholung k von A und von B verwenden denselben Seed (Gewichte, Batch-Reihenfolge, Dropout); der Vergleich ist gepaart.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="96" />
        <source>β of the smoothed accuracies: the mean softmax(β·logits) probability of the true class. A lower-variance stand-in for the accuracy.</source>
        <translation>β der geglätteten Genauigkeiten: die mittlere softmax(β·Logits)-Wahrscheinlichkeit der wahren Klasse. Ein rauschärmerer Ersatz für die Genauigkeit.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="98" />
        <source>test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="99" />
        <source>Validation images per class, moved from the training images (seeded, stratified) and measured on; at the lowest value the metrics are measured on the test images.</source>
        <translation>Validierungsbilder je Klasse, aus den Trainingsbildern genommen (mit Seed, stratifiziert) und darauf gemessen; beim kleinsten Wert wird auf den Testbildern gemessen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="101" />
        <source>Draw the validation images anew for every repeat</source>
        <translation>Validierung je Wiederholung neu ziehen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="102" />
        <location filename="../app/gui/studies/variancepage.cpp" line="103" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="105" />
        <source>Setup A:</source>
        <translation>Aufbau A:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="106" />
        <source>Setup B:</source>
        <translation>Aufbau B:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="107" />
        <source>Repeats:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="108" />
        <source>β values:</source>
        <translation>β-Werte:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="109" />
        <source>Validation per class:</source>
        <translation>Validierung je Klasse:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="111" />
        <source>Training images:</source>
        <translation>Trainingsbilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="112" />
        <source>Test images:</source>
        <translation>Testbilder:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="65" />
        <source>Run study</source>
        <translation>Studie starten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="65" />
        <source>Train every setup the given number of times; each training is saved as it finishes.</source>
        <translation>Jeden Aufbau so oft trainieren; jedes Training wird gespeichert, sobald es fertig ist.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="66" />
        <source>Run the missing repeats of the study shown; the repeats already done are kept.</source>
        <translation>Die fehlenden Wiederholungen der gezeigten Studie ausführen; fertige Wiederholungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="67" />
        <source>Is B really better than A, or is it noise? Pick two setups (or only A to measure its noise) and the number of repeats. The dataset comes from the Dataset page.</source>
        <translation>Ist B wirklich besser als A, oder ist es Rauschen? Zwei Aufbauten wählen (oder nur A, um sein Rauschen zu messen) und die Zahl der Wiederholungen. Der Datensatz kommt von der Seite Datensatz.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="114" />
        <source>Setups</source>
        <translation>Aufbauten</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="114" />
        <source>&lt;b&gt;Stored variance studies&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gespeicherte Varianzstudien&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="126" />
        <source>The metric of the strip plot and of the comparison's verdict.</source>
        <translation>Die Metrik des Streudiagramms und des Vergleichsurteils.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="145" />
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="146" />
        <source>Noise vs β</source>
        <translation>Rauschen über β</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="147" />
        <source>Bias vs β</source>
        <translation>Verzerrung über β</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="148" />
        <source>Validation size</source>
        <translation>Validierungsgröße</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="134" />
        <location filename="../app/gui/studies/variancepage.cpp" line="160" />
        <location filename="../app/gui/studies/variancepage.cpp" line="327" />
        <source>No variance study yet: pick the setups on the left and press Run study.</source>
        <translation>Noch keine Varianzstudie: links die Aufbauten wählen und Studie starten drücken.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="164" />
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="184" />
        <source>None: repeat A only</source>
        <translation>Keiner: nur A wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="186" />
        <source>Training page settings</source>
        <translation>Einstellungen der Trainingsseite</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="191" />
        <source>Run #%1 %2</source>
        <translation>Lauf #%1 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="247" />
        <source>Setup %1: %2</source>
        <translation>Aufbau %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="256" />
        <source>A variance study is already running.</source>
        <translation>Eine Varianzstudie läuft bereits.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="261" />
        <source>Load a dataset on the Dataset page first.</source>
        <translation>Zuerst auf der Seite Datensatz einen Datensatz laden.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="280" />
        <source>β values: '%1' is not a number (expected e.g. 1, 2, 3, 5, 10).</source>
        <translation>β-Werte: '%1' ist keine Zahl (erwartet z. B. 1, 2, 3, 5, 10).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="300" />
        <source>Variance (%1 trainings)</source>
        <translation>Varianz (%1 Trainings)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="69" />
        <source>trainings</source>
        <translation>Trainings</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="69" />
        <source>Running… the plots fill in as repeats finish (progress in the Jobs panel).</source>
        <translation>Läuft … die Diagramme füllen sich, sobald Wiederholungen fertig sind (Fortschritt im Auftragsbereich).</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="421" />
        <source>1 epoch</source>
        <translation>1 Epoche</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="421" />
        <source>%1 epochs</source>
        <translation>%1 Epochen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="398" />
        <source>&lt;b&gt;Lowest noise: %1&lt;/b&gt; (std %2 percentage points); the accuracy's std is %3 over %4 repeats.</source>
        <translation>&lt;b&gt;Geringstes Rauschen: %1&lt;/b&gt; (Std. %2 Prozentpunkte); die Std. der Genauigkeit ist %3 über %4 Wiederholungen.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="375" />
        <source>n/a</source>
        <translation>n. v.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="380" />
        <source>paired t over the shared seeds</source>
        <translation>gepaarter t-Test über die gemeinsamen Startwerte</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="380" />
        <source>Welch's t; the seeds differ</source>
        <translation>Welch-t-Test; die Startwerte unterscheiden sich</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="381" />
        <source>%1 − %2 on %3: %4; 95% interval %5 … %6 (%7), p = %8.</source>
        <translation>%1 − %2 bei %3: %4; 95-%-Intervall %5 … %6 (%7), p = %8.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="387" />
        <source>Check: Welch's t %1 … %2, p = %3.</source>
        <translation>Gegenprobe: Welch-t-Test %1 … %2, p = %3.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="391" />
        <source>Paired bootstrap: %1 … %2.</source>
        <translation>Gepaarter Bootstrap: %1 … %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="392" />
        <source>Smallest difference %1 repeats detect (80% power): %2.</source>
        <translation>Kleinster Unterschied, den %1 Wiederholungen erkennen (80 % Teststärke): %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="407" />
        <source>Study %1: %2, %3 of %4 trainings; %5 repeats per setup on %6, measured on %7.</source>
        <translation>Studie %1: %2, %3 von %4 Trainings; %5 Wiederholungen je Aufbau auf %6, gemessen auf %7.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="414" />
        <source>%1 validation images</source>
        <translation>%1 Validierungsbildern</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="414" />
        <source>%1 test images</source>
        <translation>%1 Testbildern</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="429" />
        <source>network differs from %1's (%2)</source>
        <translation>Netz weicht von dem von %1 ab (%2)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="430" />
        <source>the same training settings as %1</source>
        <translation>dieselben Trainingseinstellungen wie %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="431" />
        <source>differs from %1 in: %2</source>
        <translation>weicht von %1 ab in: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="445" />
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="447" />
        <source>%1: mean ± std [95% interval]</source>
        <translation>%1: Mittel ± Std. [95-%-Intervall]</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="449" />
        <source>%1 − %2 [95%], p</source>
        <translation>%1 − %2 [95 %], p</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/variancepage.cpp" line="451" />
        <source>Noise rank</source>
        <translation>Rauschrang</translation>
    </message>
</context>
<context>
    <name>wb::app::VarianceViews</name>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="31" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="33" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="35" />
        <source>smoothed accuracy, β = %1</source>
        <translation>geglättete Genauigkeit, β = %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="55" />
        <source>Every repeat a dot; box: quartiles, whiskers: extremes; black: mean and its 95% interval.</source>
        <translation>Jede Wiederholung ein Punkt; Kasten: Quartile, Whisker: Extreme; schwarz: Mittel und sein 95-%-Intervall.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="62" />
        <location filename="../app/gui/studies/varianceviews.cpp" line="92" />
        <source>β of the smoothed accuracy</source>
        <translation>β der geglätteten Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="63" />
        <source>std over repeats</source>
        <translation>Std. über Wiederholungen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="70" />
        <source>smoothed accuracy, %1</source>
        <translation>geglättete Genauigkeit, %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="71" />
        <source>accuracy, %1</source>
        <translation>Genauigkeit, %1</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="85" />
        <source>Below its setup's dashed line, the smoothed accuracy is the less noisy measure at that β.</source>
        <translation>Unter der gestrichelten Linie ihres Aufbaus ist die geglättete Genauigkeit bei diesem β das rauschärmere Maß.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="93" />
        <source>smoothed accuracy − accuracy</source>
        <translation>geglättete Genauigkeit − Genauigkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="104" />
        <source>no bias</source>
        <translation>keine Verzerrung</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="105" />
        <source>Mean over repeats; the smoothed accuracy tracks the accuracy, offset by this bias.</source>
        <translation>Mittel über Wiederholungen; die geglättete Genauigkeit folgt der Genauigkeit, um diese Verzerrung versetzt.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="112" />
        <source>evaluation images</source>
        <translation>Auswertungsbilder</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="113" />
        <source>std of the accuracy over repeats</source>
        <translation>Std. der Genauigkeit über Wiederholungen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="120" />
        <source>%1: measured</source>
        <translation>%1: gemessen</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="121" />
        <source>%1: sampling √(p(1−p)/n)</source>
        <translation>%1: Stichprobe √(p(1−p)/n)</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="133" />
        <source>Nested stratified subsets of the evaluation images; more images shrink only the sampling part of the noise.</source>
        <translation>Verschachtelte stratifizierte Teilmengen der Auswertungsbilder; mehr Bilder verkleinern nur den Stichprobenanteil des Rauschens.</translation>
    </message>
    <message>
        <location filename="../app/gui/studies/varianceviews.cpp" line="149" />
        <source>no spread</source>
        <translation>keine Streuung</translation>
    </message>
</context>
<context>
    <name>wb::widgets::ConfusionMatrixView</name>
    <message>
        <location filename="../widgets/confusionmatrixview.cpp" line="20" />
        <source>predicted class</source>
        <translation>vorhergesagte Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/confusionmatrixview.cpp" line="21" />
        <source>true class</source>
        <translation>wahre Klasse</translation>
    </message>
</context>
<context>
    <name>wb::widgets::EmbeddingView</name>
    <message>
        <location filename="../widgets/embeddingview.cpp" line="60" />
        <source>misclassified</source>
        <translation>fehlklassifiziert</translation>
    </message>
    <message>
        <location filename="../widgets/embeddingview.cpp" line="118" />
        <source>%1true: %2&lt;br&gt;predicted: %3</source>
        <translation>%1wahr: %2&lt;br&gt;vorhergesagt: %3</translation>
    </message>
</context>
<context>
    <name>wb::widgets::HistogramChart</name>
    <message>
        <location filename="../widgets/histogramchart.cpp" line="14" />
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/histogramchart.cpp" line="15" />
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../widgets/histogramchart.cpp" line="25" />
        <source>images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>wb::widgets::LayerListModel</name>
    <message>
        <location filename="../widgets/layerlistmodel.cpp" line="93" />
        <source>'%1' is not of the form name=number</source>
        <translation>'%1' hat nicht die Form Name=Zahl</translation>
    </message>
    <message>
        <location filename="../widgets/layerlistmodel.cpp" line="125" />
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/layerlistmodel.cpp" line="162" />
        <source>Layer %1: %2</source>
        <translation>Schicht %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/layerlistmodel.cpp" line="182" />
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../widgets/layerlistmodel.cpp" line="183" />
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../widgets/layerlistmodel.cpp" line="184" />
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <location filename="../widgets/layerlistmodel.cpp" line="185" />
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
</context>
<context>
    <name>wb::widgets::LearningCurveChart</name>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="33" />
        <source>training samples</source>
        <translation>Trainingsbeispiele</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="34" />
        <location filename="../widgets/learningcurvechart.cpp" line="105" />
        <source>test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="51" />
        <source>95% band</source>
        <translation>95-%-Band</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="53" />
        <source>80% band</source>
        <translation>80-%-Band</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="55" />
        <source>50% band</source>
        <translation>50-%-Band</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="58" />
        <source>power-law fit</source>
        <translation>Potenzgesetz-Anpassung</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="61" />
        <source>projection</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="65" />
        <source>mean ± std over runs</source>
        <translation>Mittelwert ± Std. über Läufe</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="69" />
        <source>measured, not fitted</source>
        <translation>gemessen, nicht angepasst</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="101" />
        <source>%1 fit</source>
        <translation>%1-Anpassung</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="104" />
        <source>test loss</source>
        <translation>Testverlust</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="104" />
        <source>test smoothed accuracy</source>
        <translation>geglättete Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="221" />
        <source>target %1: n ≈ %2</source>
        <translation>Ziel %1: n ≈ %2</translation>
    </message>
    <message>
        <location filename="../widgets/learningcurvechart.cpp" line="222" />
        <source>target %1: unreachable</source>
        <translation>Ziel %1: unerreichbar</translation>
    </message>
</context>
<context>
    <name>wb::widgets::LrFinderChart</name>
    <message>
        <location filename="../widgets/lrfinderchart.cpp" line="17" />
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/lrfinderchart.cpp" line="18" />
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../widgets/lrfinderchart.cpp" line="30" />
        <source>min–max of repeats</source>
        <translation>Min–Max der Wiederholungen</translation>
    </message>
    <message>
        <location filename="../widgets/lrfinderchart.cpp" line="36" />
        <source>loss per batch (median)</source>
        <translation>Verlust je Batch (Median)</translation>
    </message>
    <message>
        <location filename="../widgets/lrfinderchart.cpp" line="39" />
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <location filename="../widgets/lrfinderchart.cpp" line="43" />
        <source>suggestions (click to use)</source>
        <translation>Vorschläge (zum Verwenden anklicken)</translation>
    </message>
</context>
<context>
    <name>wb::widgets::PlotWidget</name>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="110" />
        <source>The size must be 16 to 20000 pixels and the DPI 24 to 1200.</source>
        <translation>Die Größe muss 16 bis 20000 Pixel und die Auflösung 24 bis 1200 DPI betragen.</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="135" />
        <location filename="../widgets/plotwidget.cpp" line="146" />
        <location filename="../widgets/plotwidget.cpp" line="162" />
        <location filename="../widgets/plotwidget.cpp" line="169" />
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="136" />
        <location filename="../widgets/plotwidget.cpp" line="180" />
        <location filename="../widgets/plotwidget.cpp" line="186" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="209" />
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="210" />
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="211" />
        <source>Export SVG…</source>
        <translation>Als SVG exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="212" />
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="214" />
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="224" />
        <location filename="../widgets/plotwidget.cpp" line="251" />
        <location filename="../widgets/plotwidget.cpp" line="255" />
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="235" />
        <location filename="../widgets/plotwidget.cpp" line="236" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="237" />
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="238" />
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="239" />
        <source>DPI:</source>
        <translation>DPI:</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="240" />
        <source>The file has exactly this many pixels; a higher DPI draws text and lines larger.</source>
        <translation>Die Datei hat genau so viele Pixel; eine höhere DPI zeichnet Text und Linien größer.</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="252" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="260" />
        <location filename="../widgets/plotwidget.cpp" line="264" />
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="261" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="269" />
        <location filename="../widgets/plotwidget.cpp" line="273" />
        <source>Export SVG</source>
        <translation>SVG exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="270" />
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="278" />
        <location filename="../widgets/plotwidget.cpp" line="282" />
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plotwidget.cpp" line="279" />
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>wb::widgets::RejectChart</name>
    <message>
        <location filename="../widgets/rejectchart.cpp" line="15" />
        <source>confidence threshold α (reject c ≤ α)</source>
        <translation>Konfidenzschwelle α (zurückweisen bei c ≤ α)</translation>
    </message>
    <message>
        <location filename="../widgets/rejectchart.cpp" line="15" />
        <source>rejected test images</source>
        <translation>zurückgewiesene Testbilder</translation>
    </message>
    <message>
        <location filename="../widgets/rejectchart.cpp" line="16" />
        <source>errors among accepted</source>
        <translation>Fehler unter den angenommenen</translation>
    </message>
    <message>
        <location filename="../widgets/rejectchart.cpp" line="16" />
        <source>error rate of accepted</source>
        <translation>Fehlerrate der angenommenen</translation>
    </message>
</context>
<context>
    <name>wb::widgets::ReliabilityChart</name>
    <message>
        <location filename="../widgets/reliabilitychart.cpp" line="19" />
        <source>accuracy per bin</source>
        <translation>Genauigkeit je Intervall</translation>
    </message>
    <message>
        <location filename="../widgets/reliabilitychart.cpp" line="23" />
        <source>mean confidence</source>
        <translation>mittlere Konfidenz</translation>
    </message>
    <message>
        <location filename="../widgets/reliabilitychart.cpp" line="28" />
        <source>confidence (max softmax probability)</source>
        <translation>Konfidenz (maximale Softmax-Wahrscheinlichkeit)</translation>
    </message>
    <message>
        <location filename="../widgets/reliabilitychart.cpp" line="29" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/reliabilitychart.cpp" line="53" />
        <source>Calibration error (ECE, 15 bins): %1</source>
        <translation>Kalibrierungsfehler (ECE, 15 Bereiche): %1</translation>
    </message>
</context>
<context>
    <name>wb::widgets::TrainingChart</name>
    <message>
        <location filename="../widgets/trainingchart.cpp" line="29" />
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/trainingchart.cpp" line="30" />
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/trainingchart.cpp" line="30" />
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/trainingchart.cpp" line="61" />
        <location filename="../widgets/trainingchart.cpp" line="190" />
        <source> (batches)</source>
        <translation> (Batches)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingchart.cpp" line="65" />
        <location filename="../widgets/trainingchart.cpp" line="180" />
        <location filename="../widgets/trainingchart.cpp" line="192" />
        <source>%1 (diverged)</source>
        <translation>%1 (divergiert)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingchart.cpp" line="70" />
        <location filename="../widgets/trainingchart.cpp" line="191" />
        <source> · validation</source>
        <translation> · Validierung</translation>
    </message>
</context>
</TS>