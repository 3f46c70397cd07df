package dev.clavis.bench;

import java.nio.file.Path;

/** The files one Clavis run leaves in the results folder, named after the run, for a look afterwards. */
record RunFiles(Path clavisLog, Path gcLog, Path heapDump) {

    static RunFiles in(Path resultsDir, String runName) {
        return new RunFiles(resultsDir.resolve(runName + "-clavis.log"), resultsDir.resolve(runName + "-gc.log"),
                resultsDir.resolve(runName + ".hprof"));
    }
}
