package fr.ent.web.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;

/** Takes bodies the way an import or an upload does: a multipart form with a file, a raw stream. */
@Path("/api/uploads")
@PermitAll
public class UploadTestResource {

    @POST
    @Path("/form")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_PLAIN)
    public String form(@RestForm("file") FileUpload file, @RestForm("note") String note) {
        return (file == null ? "no file" : file.fileName() + ":" + file.size()) + ":" + note;
    }

    @POST
    @Path("/raw")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.TEXT_PLAIN)
    public String raw(InputStream body) throws IOException {
        return Long.toString(body.transferTo(java.io.OutputStream.nullOutputStream()));
    }
}
