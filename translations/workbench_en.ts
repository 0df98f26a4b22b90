<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>wb::app::DatasetPage</name>
    <message numerus="yes">
      <source>%n file(s) could not be read and were skipped:
</source>
      <translation>
        <numerusform>%n file could not be read and was skipped:
</numerusform>
        <numerusform>%n files could not be read and were skipped:
</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>wb::app::EvaluationPage</name>
    <message numerus="yes">
      <source>%1 (%n epoch(s))</source>
      <translation>
        <numerusform>%1 (%n epoch)</numerusform>
        <numerusform>%1 (%n epochs)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>wb::app::MainWindow</name>
    <message numerus="yes">
      <source>%n job(s) running</source>
      <translation>
        <numerusform>%n job running</numerusform>
        <numerusform>%n jobs running</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n job(s) are still running. Cancel them and quit? Finished epochs are kept in the session; cancelled runs can be resumed.</source>
      <translation>
        <numerusform>%n job is still running. Cancel it and quit? Finished epochs are kept in the session; cancelled runs can be resumed.</numerusform>
        <numerusform>%n jobs are still running. Cancel them and quit? Finished epochs are kept in the session; cancelled runs can be resumed.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>wb::app::PlotExportJob</name>
    <message numerus="yes">
      <source>%n file(s) written</source>
      <translation>
        <numerusform>%n file written</numerusform>
        <numerusform>%n files written</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) written to %1</source>
      <translation>
        <numerusform>%n file written to %1</numerusform>
        <numerusform>%n files written to %1</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>wb::app::RunActions</name>
    <message numerus="yes">
      <source>Delete run %1 with its %n epoch(s) of history and checkpoints? This cannot be undone.</source>
      <translation>
        <numerusform>Delete run %1 with its %n epoch of history and checkpoints? This cannot be undone.</numerusform>
        <numerusform>Delete run %1 with its %n epochs of history and checkpoints? This cannot be undone.</numerusform>
      </translation>
    </message>
  </context>
</TS>