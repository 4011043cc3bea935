package fr.ent.notification;
