package fr.ent.messaging.mailbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record FolderInput(@NotBlank @Size(max = 80) String name) {
}
