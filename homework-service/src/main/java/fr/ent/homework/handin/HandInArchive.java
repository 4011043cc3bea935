package fr.ent.homework.handin;

import fr.ent.directory.DirectoryPerson;
import fr.ent.files.FileStorage;
import fr.ent.homework.work.Work;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * All hand-ins of a work as one ZIP archive, streamed: each file read from the object storage and
 * written to the answer as it comes, one folder per pupil ("Nom Prénom/fichier.pdf"); never the
 * whole archive in memory.
 */
public final class HandInArchive implements StreamingOutput {

    private final Work work;
    private final List<HandInRepository.ArchivedFile> files;
    private final Map<java.util.UUID, DirectoryPerson> people;
    private final FileStorage storage;

    HandInArchive(Work work, List<HandInRepository.ArchivedFile> files, Map<java.util.UUID, DirectoryPerson> people,
                  FileStorage storage) {
        this.work = work;
        this.files = files;
        this.people = people;
        this.storage = storage;
    }

    /** "rendus-MATHS-2026-12-07.zip" */
    public String fileName() {
        return "rendus-" + safe(work.subject) + "-" + work.dueOn + ".zip";
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (HandInRepository.ArchivedFile f : files) {
                DirectoryPerson p = people.get(f.pupilId());
                String folder = p == null ? f.pupilId().toString() : safe(p.lastName() + " " + p.firstName());
                String name = folder + "/" + safe(f.fileName());
                for (int i = 2; !names.add(name); i++) {
                    name = folder + "/" + i + "-" + safe(f.fileName());
                }
                zip.putNextEntry(new ZipEntry(name));
                try (InputStream in = storage.open(f.fileId())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static String safe(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
    }
}
