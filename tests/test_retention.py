"""``privacy_retention`` and its normaliser: every wording of issue 13, and what is not retention.

Sentences are fresh, written for these tests, in the gold markup
(``⟦DURATION P3Y exact|3 ans⟧``) and parsed by the same helper as the gold
set. Rule-only behaviour runs on ``spacy.blank("fr")``.

- ``NORMALISED``: the normaliser alone, from a span's words (and the words
  around it) to value, bound and after (issue item 1);
- ``POSITIVE`` / ``NEGATIVE``: periods found in sentences, with their value,
  and what is left (items 1, 3);
- the table tests: markdown tables, ``<br>`` in cells, cookie tables, a table
  flattened into text (item 3);
- the number-word table, row by row, against values written here;
- the invariants over every gold and corpus notice (item 2) are in
  ``test_retention_invariants.py``.
"""

from __future__ import annotations

import re

import pytest
import spacy

from pipeline.components import SPAN_KEY
from pipeline.components.retention.normalise import iso, normalise
from pipeline.components.retention.models import RetentionPeriod
from pipeline.components.retention.patterns import NUMBER_WORDS, parse_number
from pipeline.config import Params
from pipeline.extract import extract
from pipeline.notices import Notice

from conftest import expected, found


@pytest.fixture(scope="module")
def rules():
    import pipeline.components.retention.factory  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("privacy_retention")
    return nlp


POSITIVE = [
    # digits and units
    "Vos données de facturation sont conservées pendant ⟦DURATION P5Y exact|5 ans⟧.",
    "Les enregistrements sont conservés ⟦DURATION P15D exact|15 jours⟧ puis effacés.",
    "Les journaux sont gardés ⟦DURATION P1W exact|une semaine⟧.",
    "Les candidatures sont conservées durant ⟦DURATION P2W exact after=recrutement|2 semaines après le recrutement⟧.",
    "Nous conservons ces fichiers pendant ⟦DURATION P3Y exact|3 années⟧.",
    "Les traces de connexion sont stockées ⟦DURATION P1Y exact|1 an⟧.",
    "Les données du badge sont archivées pendant ⟦DURATION P1M exact|un mois⟧.",
    # number words
    "Les données sont conservées pendant ⟦DURATION P2Y exact|deux ans⟧.",
    "Nous conservons vos réponses ⟦DURATION P12M exact|douze mois⟧.",
    "Les vidéos sont conservées ⟦DURATION P13M exact|treize mois⟧ au plus tard.",
    "Vos messages sont supprimés après ⟦DURATION P20D exact|vingt jours⟧.",
    "Les dossiers sont archivés pendant ⟦DURATION P30Y exact|trente ans⟧.",
    "Les pièces sont conservées ⟦DURATION P50Y exact|cinquante ans⟧ aux archives.",
    "Les cookies ont une durée de vie de ⟦DURATION P13M exact|treize (13) mois⟧.",
    "Le dossier médical est conservé ⟦DURATION P20Y exact|vingt ans⟧.",
    "Nous conservons les relevés ⟦DURATION P10Y exact|dix ans⟧.",
    # fractions and compounds
    "Les contrats sont conservés ⟦DURATION P18M exact|un an et demi⟧.",
    "Les pièces comptables sont conservées ⟦DURATION P3Y6M exact|3 ans et 6 mois⟧.",
    # qualifiers
    "Les images sont conservées pendant ⟦DURATION P30D max|30 jours maximum⟧.",
    "Ce type d'information est conservé pendant ⟦DURATION P1Y max|maximum un an⟧.",
    "Les appels sont conservés ⟦DURATION P6M max|au maximum 6 mois⟧.",
    "Les données de navigation sont gardées ⟦DURATION P2Y max|au plus 2 ans⟧.",
    "Les logs sont conservés pendant ⟦DURATION P6M max|une durée maximale de 6 mois⟧.",
    "Les données seront conservées pour une période ⟦DURATION P3Y max|ne dépassant pas 3 ans⟧.",
    "Les factures sont conservées ⟦DURATION P10Y min|au moins 10 ans⟧.",
    "Les preuves sont conservées ⟦DURATION P5Y min|5 ans minimum⟧.",
    "Les enregistrements sont conservés pendant ⟦DURATION P180D max|un maximum de 180 jours⟧.",
    "La durée de vie de ces traceurs n’excède pas ⟦DURATION P13M max|13 mois⟧.",
    "Les données sont supprimées ⟦DURATION P6M max after=fin du programme|entre 3 et 6 mois après la fin du programme⟧.",
    # starting events
    "Vos données sont conservées ⟦DURATION P10Y exact after=fin de notre relation contractuelle|10 ans après la fin de notre relation contractuelle⟧.",
    "Nous conservons votre dossier ⟦DURATION P3Y exact after=votre dernier achat|3 ans à compter de votre dernier achat⟧.",
    # event-bound periods
    "Vos données sont conservées ⟦DURATION null exact|tant que votre abonnement est actif⟧.",
    "Nous conservons ces informations ⟦DURATION null exact|aussi longtemps que nécessaire à la gestion de votre dossier⟧.",
    "Les données de contact sont conservées ⟦DURATION null exact|jusqu’à la clôture de votre compte⟧.",
    "Vos préférences sont conservées pendant toute la ⟦DURATION null exact|durée de votre contrat⟧.",
    "Les données sont supprimées ⟦DURATION null exact|lorsque vous fermez votre compte⟧.",
    # alternatives joined by « ou »: two spans
    "Les demandes sont conservées ⟦DURATION P2Y exact|2 ans⟧ ou ⟦DURATION null exact|jusqu’à ce que vous demandiez leur suppression⟧.",
    # a retention header above a table cell
    "Durée de conservation\nDonnées de prospection\n⟦DURATION P3Y exact after=dernier contact|3 ans à partir du dernier contact⟧",
    # issue 13, item 1: durée / période de N, numbers in words and digits together
    "Les dossiers de candidature sont conservés pour une durée de ⟦DURATION P36M exact|36 mois⟧.",
    "Nous gardons les relevés de passage pendant une période de ⟦DURATION P90D exact|90 jours⟧.",
    "Les pièces justificatives sont archivées pour une durée d’⟦DURATION P1M exact|un (1) mois⟧.",
    "Nous conservons les bulletins de paie ⟦DURATION P3Y exact|trois (3) ans⟧.",
    "Les certificats de formation sont conservés ⟦DURATION P30M exact|deux ans et demi⟧.",
    # caps and floors, in the span or just before it
    "Les traces de paiement sont conservées ⟦DURATION P18M max|18 mois maximum⟧.",
    "Les journaux applicatifs ne sont jamais conservés au-delà de ⟦DURATION P6M max|6 mois⟧.",
    "Vos échanges avec le support sont stockés pour une durée ⟦DURATION P4Y max|n’excédant pas 4 ans⟧.",
    "Les photos du profil sont conservées dans la limite de ⟦DURATION P12M max|12 mois⟧.",
    "Les mesures d’audience ne sont pas conservées plus de ⟦DURATION P25M max|25 mois⟧.",
    "Les contrats signés sont archivés ⟦DURATION P5Y min|au minimum 5 ans⟧.",
    "Les attestations sont conservées pendant ⟦DURATION P3Y min|une durée minimale de 3 ans⟧.",
    "Les fichiers de sauvegarde sont conservés ⟦DURATION P1Y max|entre six mois et un an⟧.",
    "Les pièces du dossier sont gardées ⟦DURATION P7Y max after=fin du contrat|jusqu’à 7 ans après la fin du contrat⟧.",
    "Les messages sont supprimés ⟦DURATION P30D max after=leur envoi|au plus tard 30 jours après leur envoi⟧.",
    # hours and minutes
    "Les relevés de badge sont effacés après ⟦DURATION PT24H exact|24h⟧.",
    "Les enregistrements de la caméra sont détruits au bout de ⟦DURATION PT15M exact|15 minutes⟧.",
    "Les images de vidéoprotection sont effacées après ⟦DURATION PT72H exact|72 heures⟧.",
    # two alternatives sharing one unit
    "Les signalements sont conservés ⟦DURATION P2Y exact|2⟧ ou ⟦DURATION P10Y exact|10 ans⟧ selon leur gravité.",
    # deletion triggers and deadlines of deletion
    "Les copies de pièces d’identité sont supprimées sous ⟦DURATION PT24H max|24h⟧.",
    "Les tickets de caisse sont anonymisés dans un délai maximum de ⟦DURATION P6Y max|6 ans⟧.",
    "Les adresses IP sont supprimées dans les ⟦DURATION P90D max after=demande|90 jours suivant la demande⟧.",
    "Votre profil est supprimé après ⟦DURATION P18M exact after=inactivité|18 mois d’inactivité⟧.",
    "Les comptes inactifs depuis ⟦DURATION P24M exact|24 mois⟧ sont supprimés.",
    "Si votre carte n’a pas servi pendant ⟦DURATION P2Y exact|deux ans⟧, nous la supprimons.",
    # events: value null
    "Les créations des membres sont conservées ⟦DURATION null exact|sans limitation de durée⟧.",
    "Le numéro de carte est conservé pendant la ⟦DURATION null exact|durée de validité de la carte⟧.",
    "Les coordonnées bancaires sont effacées ⟦DURATION null exact|dès la fin du paiement⟧.",
    "Les pièces d’inscription sont conservées le ⟦DURATION null exact|temps nécessaire à l’instruction du dossier⟧.",
    "Les réponses au questionnaire sont gardées ⟦DURATION null exact|jusqu’au terme de l’étude⟧.",
    "Les justificatifs ne sont pas conservés au-delà de la ⟦DURATION null max|durée nécessaire à la vérification⟧.",
    "Les historiques sont conservés pendant toute la ⟦DURATION null exact|durée de vie du compte⟧.",
    # cookie lifetimes are retention
    "Ce cookie a une durée de vie de ⟦DURATION P13M exact|13 mois⟧.",
    "Ce traceur a une validité de ⟦DURATION P6M exact|6 mois⟧.",
    "Les témoins de mesure d’audience expirent au bout de ⟦DURATION P390D exact|390 jours⟧.",
    "Le cookie de session est supprimé ⟦DURATION null exact|lorsque vous fermez le navigateur⟧.",
    # a sentence a notice wrapped over blank lines is one sentence
    "Nous conserverons vos\n\ndonnées de commande pendant ⟦DURATION P6M exact|6 mois⟧.",
    # ne ... que, uniquement: an upper bound (gold/README.md, DURATION)
    "Nous ne gardons les badges que pendant ⟦DURATION P3M max|3 mois⟧.",
    "L’agence ne conserve les copies de contrat que le ⟦DURATION null max|temps nécessaire à leur vérification⟧.",
    "Les plans sont conservés uniquement pendant la ⟦DURATION null max|durée nécessaire aux travaux⟧.",
    "Vos avis ne seront jamais conservés ⟦DURATION null max|plus longtemps que nécessaire à leur modération⟧.",
    "Les relevés sont gardés pendant une ⟦DURATION null max|durée n’excédant pas celle nécessaire à la facturation⟧.",
    "Les justificatifs ne sont pas archivés au-delà de ⟦DURATION null max|ce qui est nécessaire pour traiter le litige⟧.",
    "Les fichiers clients sont conservés ⟦DURATION null exact|dans la mesure nécessaire pour respecter nos obligations comptables⟧.",
    "Les cookies de l’éditeur ont ⟦DURATION P25M max|une durée de vie maximale de 25 mois⟧.",
    # vague periods are null spans
    "Les candidatures sont conservées pour une ⟦DURATION null exact|durée limitée⟧ qui dépend du poste.",
    "Les preuves d’achat peuvent être conservées pendant des ⟦DURATION null exact|durées plus longues⟧ en cas de litige.",
    "Nous pouvons garder les factures pour une ⟦DURATION null exact|période de conservation plus longue⟧ si la loi l’exige.",
    "Les fiches sont conservées ⟦DURATION P5Y max after=départ|au maximum 5 ans après le départ⟧ ou ⟦DURATION P2Y max after=dernière visite|2 ans après la dernière visite⟧.",
    # two event-bound periods joined by ou de la
    "Les dossiers sont gardés pendant toute la ⟦DURATION null exact|durée du chantier⟧ ou de la ⟦DURATION null exact|durée de la garantie décennale⟧.",
    # not used since, kept visible
    "Si votre carte de fidélité n’a pas été utilisée depuis ⟦DURATION P2Y exact|deux ans⟧, nous la supprimons.",
    "Les avis du livreur restent visibles pendant ⟦DURATION PT48H max|24 à 48 heures⟧.",
    "Les pièces sont gardées, sans pour autant excéder la ⟦DURATION null max|durée nécessaire au contrôle⟧.",
    "La copie du permis est détruite dans un délai maximum de ⟦DURATION PT48H max|48h⟧.",
    "Les relevés seront supprimés dans un délai de ⟦DURATION P3M max|3 mois⟧ si le litige est clos.",
    "Les données sont conservées ⟦DURATION P7Y exact|7 ans⟧ par notre prestataire de paiement.",
    # a period restated with a demonstrative refers back to a retention period
    "Votre fiche est conservée ⟦DURATION P2Y exact|2 ans⟧. Avant la fin de ce délai de ⟦DURATION P2Y exact|2 ans⟧, nous vous demanderons si elle peut être gardée.",
    "Un compte inactif est supprimé après ⟦DURATION P5Y exact|5 ans⟧. Quelques jours avant l’expiration de ce délai de ⟦DURATION P5Y exact|cinq ans⟧, nous vous écrirons.",
    "Vos empreintes sont supprimées des lecteurs/terminaux ⟦DURATION null exact|dès que le contrôle est terminé⟧.",
    "⟦DURATION null exact|Dès que nous n’avons plus besoin de vos plans⟧, nous les supprimons.",
    "Les copies ne sont conservées que pour la ⟦DURATION null max|durée nécessaire afin de vérifier votre identité⟧.",
    # periods named by their rule, with no length (gold/README.md: wording-only rules are null spans)
    "Nous gardons les bons de commande pour respecter les ⟦DURATION null exact|délais légaux de conservation⟧.",
    "Les preuves ne sont gardées que pendant le ⟦DURATION null max|délai de prescription applicable⟧.",
    "Les réclamations sont archivées dans la limite des ⟦DURATION null max|délais de prescription applicables⟧.",
    "Les données sont ensuite bloquées pendant la ⟦DURATION null exact|durée légale⟧.",
    "Les relevés doivent parfois être conservés pendant une ⟦DURATION null min|période minimale⟧.",
    "Les avis sont stockés pendant la ⟦DURATION null exact|même durée que le compte auquel ils sont liés⟧.",
    "Les données sont ensuite conservées pendant une période supplémentaire de ⟦DURATION P5Y exact|5 ans⟧.",
    # vague and other null periods
    "Les photos des anciens membres sont conservées ⟦DURATION null exact|plus longtemps⟧.",
    "Les coordonnées sont conservées durant toute l’⟦DURATION null exact|utilisation de l’application⟧.",
    "Les traces sont supprimées ⟦DURATION null exact|après la clôture de la réclamation⟧.",
    "Les pièces expirées sont supprimées ⟦DURATION null exact|à compter de leur date d’expiration⟧.",
    "Nous supprimons les brouillons que vous avez laissés sur votre espace personnel ⟦DURATION null exact|après que votre compte a été fermé⟧.",
    "Les documents sont gardés ⟦DURATION null exact|jusqu’à suppression par le client⟧ ou ⟦DURATION null exact|résiliation de son abonnement⟧.",
    "Nous traitons vos données ⟦DURATION null exact|aussi longtemps que nécessaire pour exécuter le contrat⟧.",
    # a label and its value, as in a table flattened into lines
    "Durée de conservation\nDonnées de géolocalisation\nPour les relevés GPS : ⟦DURATION P6M exact after=dernier trajet|6 mois à compter du dernier trajet⟧.",
    # bounds
    "Les comptes sont supprimés après une période d’inactivité d’⟦DURATION P2Y min|une durée supérieure à 2 ans⟧.",
    "Les fiches sont conservées au maximum pendant ⟦DURATION P3Y max|3 ans⟧.",
    "Les traces sont gardées uniquement pendant la ⟦DURATION null max|durée nécessaire à l’enquête⟧, ou ⟦DURATION null max|tant que la plainte est en cours⟧.",
    "Ces copies sont conservées ⟦DURATION null exact|indéfiniment⟧.",
    # two periods joined by ``et``; a period said of processing the data
    "Nous conservons ces pièces pendant la ⟦DURATION null exact|durée de l’abonnement⟧ et la ⟦DURATION null exact|période de limitation obligatoire⟧.",
    "Nous traiterons vos données ⟦DURATION null exact|jusqu’à votre désinscription⟧.",
    "Vos données seront traitées pendant le ⟦DURATION null exact|temps nécessaire au suivi de votre réclamation⟧.",
    # vague periods, rules referred to, a longer period with the object between
    "Certains fichiers sont conservés pendant une ⟦DURATION null exact|période spécifiée⟧ puis supprimés.",
    "Nous pouvons garder ces relevés pendant un ⟦DURATION null exact|certain temps⟧.",
    "Les journaux sont stockés pour un ⟦DURATION null exact|temps limité⟧.",
    "Ces traceurs sont effacés à l’échéance d’une période définie : ⟦DURATION P45D exact|45 jours⟧.",
    "Nous archivons les dossiers conformément aux ⟦DURATION null exact|délais de prescription applicables⟧.",
    "Nous pouvons conserver vos relevés ⟦DURATION null exact|plus longtemps⟧ en cas de litige.",
    # alternatives after ``ou``, ``ou bien``, ``ou à``; a need for the data
    "Les alertes sont conservées ⟦DURATION null exact|tant que l’appareil est jumelé⟧ ou bien ⟦DURATION null exact|lorsque vous désactivez les alertes⟧.",
    "Les tickets sont conservés ⟦DURATION P5Y exact|5 ans⟧ ou à la ⟦DURATION null exact|suppression du profil⟧.",
    "Nous avons besoin de vos données ⟦DURATION null exact|tant que vous consultez la carte⟧.",
    # a length added to a period: one span, the added length its value
    "Les devis sont conservés pendant la ⟦DURATION P3Y exact|durée du chantier, augmentée de 3 ans⟧.",
    "Les reçus sont conservés ⟦DURATION null exact|tant que votre carte est valable, plus un délai raisonnable par la suite⟧.",
    "Les dessins sont conservés pendant une ⟦DURATION null exact|période différente⟧ selon leur usage.",
    "Les relevés sont conservés pour la ⟦DURATION null exact|durée du bail⟧ et la ⟦DURATION null exact|durée nécessaire au règlement des litiges⟧.",
    "Les messages du formulaire sont effacés ⟦DURATION null exact|une fois votre question traitée⟧.",
    "⟦DURATION null exact|Après la fermeture de votre espace membre⟧, vos historiques seront automatiquement supprimés.",
    # words glued by a PDF that lost its spaces
    "Les profils sont supprimés après ⟦DURATION P2Y exact after=inactivité|2 ansd’inactivité⟧ du titulaire.",
    "Les journaux sont conservés pour ⟦DURATION P18M max|une duréemaximale de 18 mois⟧.",
    "Les pièces justificatives sontconservées ⟦DURATION P6Y exact|6 ans⟧.",
    "Les relevés sont conservés le ⟦DURATION null exact|temps nécessaire àsatisfaire nos obligations comptables⟧.",
    # a period that holds a relative clause (its copula is the clause's)
    "Vos photos sont conservées pendant la ⟦DURATION null exact after=votre espace est actif|durée pendant laquelle votre espace est actif⟧.",
    "Vos messages sont conservés pendant le ⟦DURATION null exact|temps duquel votre dossier reste ouvert⟧.",
    # the deadline of a deletion is how long data are kept
    "Si vous ne validez pas votre adresse, la suppression aura lieu dans un délai de ⟦DURATION P10D max|10 jours⟧.",
    "Si vous ne cliquez pas sur le lien dans les ⟦DURATION PT48H max|48 heures⟧, votre demande sera automatiquement effacée.",
    # overwritten, alternatives in a list, a need that ends, a rule period
    "Les enregistrements des caméras sont écrasés après ⟦DURATION P15D exact|15 jours⟧.",
    "Les messages sont conservés ⟦DURATION P2Y exact|2 ans⟧ et/ou à la ⟦DURATION null exact|clôture du compte⟧.",
    "Les factures sont conservées ⟦DURATION P8Y exact|8 ans⟧, à la ⟦DURATION null exact|clôture du compte⟧ ou à la demande de l’administration.",
    "Les justificatifs sont supprimés ⟦DURATION null exact|si ceux-ci ne sont plus nécessaires⟧.",
    "Vos préférences sont conservées pendant la ⟦DURATION null exact|durée établie par la loi⟧.",
    # an alternative that ends a period on request; a second ``jusqu’à`` extends the first (one span)
    "Le compte est supprimé après ⟦DURATION P3Y exact after=inactivité|3 ans d’inactivité⟧ ou ⟦DURATION null exact|si vous en faites la demande⟧.",
    "Les pièces sont conservées ⟦DURATION null exact after=clôture du dossier|jusqu’à la clôture du dossier et jusqu’à tout recours⟧.",
    "Les journaux sont conservés ⟦DURATION P3M exact|3 mois⟧ ou si la loi l’exige.",
    "La durée de conservation dépend du service, et nous conservons l’historique pendant toute la ⟦DURATION null exact after=vie du compte|durée de vie du compte⟧.",
    "Vos réclamations sont conservées ⟦DURATION P2Y exact|deux ans⟧ et, dans certains cas, encore ⟦DURATION null exact|plus longtemps⟧ pour défendre nos droits.",
    # starting events that share one length are one span; ``ou jusqu’à`` is another period
    "Les fiches sont conservées ⟦DURATION P3Y max after=fin de la relation commerciale|3 ans maximum à compter de la fin de la relation commerciale ou après le dernier contact⟧.",
    "Les données sont conservées ⟦DURATION P5Y exact after=fin du contrat|5 ans après la fin du contrat⟧ ou ⟦DURATION null exact after=fin du litige|jusqu’à la fin du litige⟧.",
]

NEGATIVE = [
    "Vous recevrez une réponse dans un délai de 4 semaines à compter de la réception de votre demande de suppression.",
    "Nous répondons à votre demande de suppression sous un mois.",
    "Nous répondons à votre demande de suppression dans un délai d’un mois ; à l’expiration de ce délai de un mois, vous pouvez saisir la CNIL.",
    "Nous limitons les envois à une communication par mois, et nous conservons vos choix.",
    "Chaque semaine, nous supprimons les comptes inactifs.",
    "Cette déclaration a été modifiée le 5 avril 2022 ; nous conservons les versions précédentes.",
    "Les utilisateurs doivent être âgés d’au moins 18 ans pour que nous conservions leurs données.",
    "Un entretien de 30 minutes peut être enregistré et conservé.",
    "Votre abonnement d'un an est renouvelé ; nous conservons vos données de paiement.",
    "Nos assistants répondent 24/7 et ne conservent rien.",
    "Le contrat est conclu pour une durée de 3 ans.",
    "Notre société existe depuis 10 ans.",
    "Le consentement et le refus sont conservés pendant une durée maximale de 6 mois.",
    "Nous conservons ces données en tant que responsable du traitement.",
    "Vous pouvez retirer votre consentement jusqu’à la fin du mois sans frais.",
    # issue 13, item 3: opening hours, response deadlines, frequencies, ages, subscription lengths
    "Notre service client répond 7 jours sur 7 de 9h à 18h et conserve l’historique des appels.",
    "Le support est joignable 24h/24 ; les tickets sont archivés.",
    "Nos conseillers vous rappellent entre 9h et 17h30 ; vos coordonnées sont conservées.",
    "Nous traitons votre demande d’effacement dans un délai d’un mois.",
    "Le support vous répond sous 48 heures à toute question sur la conservation de vos données.",
    "Le traitement de votre demande de suppression peut prendre jusqu’à 30 jours.",
    "Ce délai peut être prolongé de deux mois au maximum ; vos données restent stockées.",
    "Une alerte est envoyée toutes les deux semaines et les données sont stockées.",
    "La navette part toutes les 30 minutes ; aucune donnée n’est conservée.",
    "Les enfants de moins de 15 ans ne peuvent pas créer de compte ; nous supprimons leurs données.",
    "Si vous avez au moins 16 ans, vous pouvez consentir seul au stockage de vos données.",
    "Les comptes sont réservés aux personnes âgées entre 16 ans et 18 ans avec l’accord d’un parent ; nous conservons cet accord.",
    "Votre abonnement est renouvelé pour 12 mois et nous conservons vos factures.",
    "La période d’essai gratuite de 30 jours est offerte ; nous conservons votre adresse.",
    "Nous vous informerons au minimum 30 jours avant la date d’entrée en vigueur ; vos données restent stockées.",
    # validity of a consent or a banner choice is not retention
    "Le consentement à ces traceurs est valable 13 mois, puis nous vous le redemandons.",
    "Votre choix est mémorisé pendant 6 mois.",
    "L’accord que vous donnez est valable pour une durée maximum de six (6) mois.",
    # the rule without a period, and a duration that is a kind of data
    "La durée de conservation varie selon la finalité.",
    "Nous enregistrons la date et la durée de votre visite, puis nous les conservons.",
    "Nous conservons l’historique des trajets ; Pixel Inc., 1601 S. Main Street, le reçoit.",
    # a general definition of kinds of cookies
    "Les cookies de session sont des cookies qui expirent dès que vous fermez votre navigateur.",
    "Nous déposons des cookies permanents (qui existent jusqu’à ce que vous les supprimiez).",
    "Les cookies de session servent à garder votre panier. Ils sont effacés lorsque vous quittez le site.",
    "Nous utilisons des « cookies de session », qui expirent lorsque vous fermez votre navigateur.",
    "Il existe des cookies temporaires ou « cookies de session », qui sont supprimés une fois que vous avez quitté le site.",
    "Ces consentements restent valables au minimum jusqu’à la fin du contrat concerné.",
    "4. Durée de la conservation et recours",
    "Nous envoyons une lettre par mois ; 2 envois par an au plus ; nous conservons vos choix.",
    "Nous pouvons utiliser ces statistiques indéfiniment et nous conservons vos choix.",
    "Vos données sont conservées ; Choix de l’utilisateur (acceptation ou refus des cookies) : 6 mois.",
    "La durée de conservation de vos données dépend de la finalité.",
    "Durée de conservation\nEn cas de fuite, nous prévenons l’autorité 72 heures au plus tard après l’avoir découverte.",
    # how far data are processed (a legal basis), not how long; how long cookie preferences last
    "Nous traitons vos données dans la mesure nécessaire pour respecter nos obligations légales.",
    "Nous utilisons vos coordonnées dans la mesure nécessaire à la livraison de vos achats.",
    "Vos préférences en matière de cookies sont conservées pendant 6 mois.",
    "Les durées de conservation spécifiées ci-dessous s’appliquent aux données conservées.",
    "Le site dépose des témoins effacés à la fermeture (cookies de session) ou gardés plus longtemps (cookies persistants).",
    "La suppression est faite dans un délai raisonnable et nous conservons la preuve de la demande.",
    "Vos cartes peuvent être stockées pendant une période différente de celle indiquée dans cette notice.",
    "Une fois votre commande livrée, vous pouvez demander la suppression de votre compte.",
    "Si nous apprenons qu’un enfant s’est inscrit, nous effacerons son profil dès que possible.",
    "Nous pouvons conserver et communiquer vos coordonnées à nos agences dans la mesure nécessaire à la sécurité du réseau.",
    "Vous pouvez nous écrire lorsque vous le souhaitez ou bien lorsque vous déménagez ; nous conservons vos courriers.",
    # a relative clause saying data are kept names the rule (a heading, a reference)
    "Durée pendant laquelle vos données seront conservées : voir le tableau ci-dessous.",
    "Durée au terme duquel les données sont supprimées",
    # an opt-out cookie or an opposition kept: how long a choice lasts
    "Si vous refusez, un « cookie d’opt-out » est déposé. Ce cookie a une validité de 2 ans.",
    "Votre opposition est conservée pendant 3 ans.",
    # the law's limitation period cited, a notice given before an event, a right until an event
    "Nous vous prévenons 15 jours avant que votre compte ne soit fermé ; nous conservons vos factures.",
    "## Vos droits\n\nVous pouvez demander la limitation du traitement : nous conserverons alors vos données jusqu’à ce que votre réclamation soit examinée.",
    "## Droit d’opposition\n\nVos données ne seront plus traitées, sauf pour les conserver jusqu’à la fin de la procédure.",
    # ``une certaine durée`` said of cookies in general
    "Un cookie est un fichier que votre navigateur conservera pendant une certaine durée.",
    # ``si`` opens a period only as the alternative of another; a period named as a criterion of a length
    "Vous pouvez nous écrire si vous en faites la demande ; nous conservons vos courriers.",
    "Le traitement peut prendre encore plus longtemps si la demande est complexe ; nous conservons votre dossier.",
    # ``jusqu’à ce moment-là`` dates a past processing; ``informations sur les durées`` refers to them
    "Le retrait de votre consentement ne remet pas en cause le traitement de vos données conservées jusqu’à ce moment-là.",
    "Pour plus d’informations sur les durées de conservation appliquées par notre société, écrivez-nous.",
    "Vos données sont conservées pendant une durée qui dépend de la finalité et des délais de prescription applicables.",
]


@pytest.mark.parametrize("markup", POSITIVE)
def test_retention_marks_the_period_and_its_value(rules, markup):
    text, spans = expected(markup, "DURATION")
    assert found(rules, text, "DURATION") == spans


@pytest.mark.parametrize("text", NEGATIVE)
def test_retention_leaves_what_is_not_retention(rules, text):
    assert found(rules, text, "DURATION") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nous archivons les contrats. Les délais de prescription pouvant aller jusqu’à trente ans, nous gardons les preuves.",
        "Nous conservons ces données. En effet, le délai de prescription réglementaire est de trois ans.",
    ],
)
def test_retention_limitation_period_cited_is_not_a_length_kept(rules, text):
    """The law's limitation period stated as a length is not how long data are kept (the reference to
    the period itself may be)."""
    assert [row for row in found(rules, text, "DURATION") if row[2] is not None] == []


def test_retention_period_under_a_rights_heading_that_names_retention(rules):
    text = "## Durée de conservation et vos droits\n\nVos données sont conservées jusqu’à ce que votre réclamation soit examinée."
    assert [row[2:] for row in found(rules, text, "DURATION")] == [(None, "exact")]


def test_retention_rights_section_keeps_a_retention_statement(rules):
    """Under a rights heading, a right lasting until an event is not retention, a period data are kept is."""
    text = (
        "## Droit à l’effacement\n\nVos données sont isolées et apparaissent comme supprimées pendant la "
        "période de prescription des actions, puis sont définitivement effacées."
    )
    assert [(text[a:b], *rest) for a, b, *rest in found(rules, text, "DURATION")] == [("période de prescription des actions", None, "exact")]


def test_retention_added_length_takes_the_first_period_event(rules):
    doc = rules("Les devis sont conservés pendant la durée du chantier, augmentée de 3 ans.")
    (span,) = doc.spans[SPAN_KEY]
    assert span._.retention.record() == {"value": "P3Y", "bound": "exact", "after": "chantier"}


def test_retention_after_is_the_event_without_its_article(rules):
    doc = rules("Les données sont conservées 1 mois après la tenue de l’événement.")
    (span,) = doc.spans[SPAN_KEY]
    assert span._.retention == RetentionPeriod(iso="P1M", bound="exact", after="tenue de l’événement")
    assert span._.retention.record() == {"value": "P1M", "bound": "exact", "after": "tenue de l’événement"}


# What each French number word is worth, written here apart from the table in patterns.py:
# a one-off error in the table (treize..dix-neuf is a known trap) fails here.
FRENCH_NUMBERS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80,
    "quatre-vingt-dix": 90, "cent": 100, "cents": 100, "mille": 1000,
}


@pytest.mark.parametrize("word", sorted(NUMBER_WORDS))
def test_retention_number_word_table_every_row(word):
    assert word in FRENCH_NUMBERS, f"{word} is in the table but has no value written in the test"
    assert NUMBER_WORDS[word] == FRENCH_NUMBERS[word]
    assert parse_number(word) == FRENCH_NUMBERS[word]


@pytest.mark.parametrize("words, value", sorted(FRENCH_NUMBERS.items()))
def test_retention_number_words_read(words, value):
    assert parse_number(words) == value


def _french(n: int) -> str:
    """A number below 1000 in French words, written the other way round from the parser."""
    units = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
    if n < 17:
        return units[n]
    if n < 20:
        return "dix-" + units[n - 10]
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{units[hundreds]} cent" + ("s" if rest == 0 else "")
        return head if rest == 0 else f"{head} {_french(rest)}"
    tens = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 7: "soixante", 8: "quatre-vingt", 9: "quatre-vingt"}
    ten, unit = divmod(n, 10)
    if ten in (7, 9):
        unit += 10
    if unit == 0:
        return tens[ten] + ("s" if ten == 8 else "")
    if unit in (1, 11) and ten not in (8, 9):
        return f"{tens[ten]} et {_french(unit)}"
    return f"{tens[ten]}-{_french(unit)}"


def test_retention_number_words_round_trip():
    wrong = {n: _french(n) for n in range(1000) if parse_number(_french(n)) != n}
    assert wrong == {}


@pytest.mark.parametrize(
    "words, value",
    [
        ("dix-sept", 17), ("dix-huit", 18), ("dix-neuf", 19), ("vingt et un", 21), ("vingt-quatre", 24),
        ("trente-six", 36), ("soixante-dix", 70), ("soixante et onze", 71), ("quatre-vingts", 80),
        ("quatre-vingt-dix", 90), ("cent quatre-vingts", 180), ("deux cents", 200), ("mille", 1000),
        ("treize (13)", 13), ("365", 365), ("deux ou trois", None),
    ],
)
def test_retention_number_word_compounds(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "amount, value",
    [("3 ans", "P3Y"), ("un an et demi", "P18M"), ("3 ans et 6 mois", "P3Y6M"), ("4 semaines", "P4W"),
     ("180 jours", "P180D"), ("24 heures", "PT24H"), ("4h", "PT4H"), ("30 minutes", "PT30M"),
     ("2 min 30 s", "PT2M30S"), ("six mois et demi", "P6M15D")],
)
def test_retention_iso_values(amount, value):
    assert iso(amount) == value


# issue 13, item 1: the normaliser alone, from the words of a span (and, for some, the words just
# before or after it in its sentence) to (value, bound, after).
NORMALISED = [
    # (span text, before, following, value, bound, after)
    ("une durée de 5 ans", "", "", "P5Y", "exact", None),
    ("jusqu’à la fin du litige et jusqu’à tout appel", "", "", None, "exact", "fin du litige"),
    ("durée de 36 mois", "", "", "P36M", "exact", None),
    ("une période de 90 jours", "", "", "P90D", "exact", None),
    ("durée d’un (1) mois", "", "", "P1M", "exact", None),
    ("18 mois maximum", "", "", "P18M", "max", None),
    ("au-delà de 6 mois", "", "", "P6M", "max", None),
    ("n’excédant pas 4 ans", "", "", "P4Y", "max", None),
    ("au plus 2 ans", "", "", "P2Y", "max", None),
    ("dans la limite de 12 mois", "", "", "P12M", "max", None),
    ("jusqu’à 15 jours", "", "", "P15D", "max", None),
    ("un maximum de 40 jours", "", "", "P40D", "max", None),
    ("au minimum 5 ans", "", "", "P5Y", "min", None),
    ("une durée minimale de 3 ans", "", "", "P3Y", "min", None),
    ("10 ans au moins", "", "", "P10Y", "min", None),
    ("trois (3) ans", "", "", "P3Y", "exact", None),
    ("un (1) mois", "", "", "P1M", "exact", None),
    ("(2) deux semaines", "", "", "P2W", "exact", None),
    ("dix-neuf mois", "", "", "P19M", "exact", None),
    ("quatre-vingt-dix jours", "", "", "P90D", "exact", None),
    ("un an et demi", "", "", "P18M", "exact", None),
    ("deux ans et demi", "", "", "P30M", "exact", None),
    ("1,5 an", "", "", "P18M", "exact", None),
    ("3 ans et 6 mois", "", "", "P3Y6M", "exact", None),
    ("24h", "", "", "PT24H", "exact", None),
    ("48 h", "", "", "PT48H", "exact", None),
    ("24 heures", "", "", "PT24H", "exact", None),
    ("15 minutes", "", "", "PT15M", "exact", None),
    ("15 min", "", "", "PT15M", "exact", None),
    ("une heure et demie", "", "", "PT1H30M", "exact", None),
    ("entre 2 et 4 ans", "", "", "P4Y", "max", None),
    ("de 1 à 3 mois", "", "", "P3M", "max", None),
    ("entre six mois et un an", "", "", "P1Y", "max", None),
    # N ou M unit: the first takes the shared unit from the words after it
    ("2", "conservées", " ou 10 ans selon le cas", "P2Y", "exact", None),
    ("10 ans", "conservées 2 ou", " selon le cas", "P10Y", "exact", None),
    # starting events: whole words, without the article
    ("4 ans après le dernier achat", "", "", "P4Y", "exact", "dernier achat"),
    ("6 mois à compter de leur réception", "", "", "P6M", "exact", "leur réception"),
    ("2 ans à partir de la date de résiliation", "", "", "P2Y", "exact", "date de résiliation"),
    ("3 ans à compter des dernières nouvelles", "", "", "P3Y", "exact", "dernières nouvelles"),
    ("30 jours d’inactivité", "", "", "P30D", "exact", "inactivité"),
    ("jusqu’à 7 ans après la fin du contrat", "", "", "P7Y", "max", "fin du contrat"),
    ("13 mois suivant la date de débit", "", "", "P13M", "exact", "date de débit"),
    # periods bound to an event: value null
    ("tant que votre compte reste ouvert", "", "", None, "exact", "votre compte reste ouvert"),
    ("jusqu’à la résiliation de l’abonnement", "", "", None, "exact", "résiliation de l’abonnement"),
    ("jusqu’au terme du litige", "", "", None, "exact", "terme du litige"),
    ("jusqu’à ce que vous retiriez votre accord", "", "", None, "exact", "vous retiriez votre accord"),
    ("le temps nécessaire à l’instruction du dossier", "", "", None, "exact", "instruction du dossier"),
    ("pendant toute la durée de l’adhésion", "", "", None, "exact", "adhésion"),
    ("durée de validité de la carte", "", "", None, "exact", "validité de la carte"),
    ("dès la clôture de la commande", "", "", None, "exact", "clôture de la commande"),
    ("aussi longtemps que nécessaire pour traiter la réclamation", "", "", None, "exact", "traiter la réclamation"),
    ("sans limitation de durée", "", "", None, "exact", None),
    ("lorsque vous fermez votre session", "", "", None, "exact", "vous fermez votre session"),
    ("durée nécessaire àla gestion du litige", "", "", None, "exact", None),
    ("3 ans aprèsla clôture", "", "", "P3Y", "exact", None),
    ("jusqu’àla clôture du compte", "", "", None, "exact", "àla clôture du compte"),  # glued by the notice: never half a word
    # a cap just before the span, outside it
    ("13 mois", "La durée de vie des témoins n’excède pas", "", "P13M", "max", None),
    ("6 mois", "Elles ne sont jamais gardées au-delà de", "", "P6M", "max", None),
    ("24 heures", "Les copies sont effacées sous", "", "PT24H", "max", None),
    ("5 ans", "Elles ne sont pas conservées plus de", "", "P5Y", "max", None),
    ("3 ans", "sont conservées au-delà d’une durée de", "", "P3Y", "max", None),
    ("2 ans", "ne peuvent excéder", "", "P2Y", "max", None),
    ("durée nécessaire à l’enquête", "ne sont pas conservées au-delà de la", "", None, "max", "enquête"),
    # a qualifier just after the span
    ("3 ans", "conservées", " maximum, puis supprimées", "P3Y", "max", None),
    ("3 ans", "conservées", " au plus tard", "P3Y", "exact", None),
]


@pytest.mark.parametrize("text, before, following, value, bound, after", NORMALISED)
def test_retention_normalise_reads_the_span(text, before, following, value, bound, after):
    period = normalise(text, before=before, following=following)
    assert period.record() == {"value": value, "bound": bound, "after": after}


@pytest.mark.parametrize("text, before, following, value, bound, after", NORMALISED)
def test_retention_normalise_after_is_whole_words_of_the_span(text, before, following, value, bound, after):
    period = normalise(text, before=before, following=following)
    if period.after is not None:
        words = " ".join(text.split())
        assert re.search(rf"(?<![\w]){re.escape(period.after)}(?![\w])", words)


def test_retention_normalise_works_on_a_bare_span_text():
    """A trained model's span comes as text only."""
    assert normalise("une durée de 36 mois") == RetentionPeriod(iso="P36M", bound="exact", after=None)


def test_retention_value_model_refuses_a_bad_iso():
    with pytest.raises(ValueError):
        RetentionPeriod(iso="3 ans")


def test_retention_span_across_a_pdf_line_break(rules):
    raw = (
        "g. Les données collectées lorsque vous demandez des informations sur nos services seront conservées\n"
        "pendant 3 ans ou jusqu’à ce que vous nous demandiez de supprimer vos\n"
        "données.\n"
        "h. Les données de base des clients et les informations de facturation seront conservées pendant 10\n"
        "ans après la fin de notre relation contractuelle.\n"
        "i. Les journaux de connexion des utilisateurs et de leurs appareils seront conservés pendant une\n"
        "durée maximale de 6 mois.\n"
    )
    (record,) = extract(rules, [Notice("wrapped", raw, "wrapped.txt")], Params(), pytest.fail)
    spans = [(s["text"], s["value"], s["bound"]) for s in record["spans"]]
    assert spans == [
        ("3 ans", "P3Y", "exact"),
        ("jusqu’à ce que vous nous demandiez de supprimer vos\ndonnées", None, "exact"),
        ("10\nans après la fin de notre relation contractuelle", "P10Y", "exact"),
        ("une\ndurée maximale de 6 mois", "P6M", "max"),
    ]
    assert all(raw[s["start"] : s["end"]] == s["text"] for s in record["spans"])


INTRO = "Le tableau ci-dessous présente ce que nous faisons des informations que vous nous confiez et pour quelle raison.\n\n"


def _records(rules, raw: str) -> list[tuple]:
    """(text, value, bound) of every DURATION span the pipeline finds in a raw notice, cleaned as in a run."""
    raw = INTRO + raw
    (record,) = extract(rules, [Notice("notice", raw, "notice.md")], Params(), lambda err: pytest.fail(str(err)))
    assert all(raw[s["start"] : s["end"]] == s["text"] for s in record["spans"])
    return [(s["text"], s["value"], s["bound"]) for s in record["spans"] if s["label"] == "DURATION"]


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("Pour fixer les durées de conservation, nous tenons compte de critères tels que :", []),
        ("Nous gardons vos données :", ["délai de prescription fixé par la loi", "période de garantie des produits commandés"]),
    ],
)
def test_retention_criteria_list_is_not_a_list_of_periods(rules, lead, expected):
    """Items under a lead-in that announces the criteria of a length are criteria, not periods kept."""
    raw = (
        f"## Combien de temps gardons-nous vos données ?\n\n{lead}\n\n"
        "- délai de prescription fixé par la loi ;\n- la période de garantie des produits commandés ;\n- litiges en cours.\n"
    )
    assert [text for text, _, _ in _records(rules, raw)] == expected


def test_retention_markdown_table_one_span_per_cell(rules):
    raw = (
        "## Durées de conservation\n\n"
        "| Finalité | Données | Durée de conservation |\n"
        "| --- | --- | --- |\n"
        "| Gestion des commandes | Adresse de livraison | 5 ans à compter de la livraison |\n"
        "| Service client | Messages | Jusqu’à la clôture du ticket |\n"
        "| Lutte contre la fraude | Empreinte de l’appareil | 13 mois |\n"
    )
    assert _records(rules, raw) == [
        ("5 ans à compter de la livraison", "P5Y", "exact"),
        ("Jusqu’à la clôture du ticket", None, "exact"),
        ("13 mois", "P13M", "exact"),
    ]


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("3 ans<br>13 mois pour les traceurs", [("3 ans", "P3Y", "exact"), ("13 mois", "P13M", "exact")]),
        (
            "Livraisons : 2 ans à compter de la livraison<br>Factures : 10 ans à compter de l’émission",
            [("2 ans à compter de la livraison", "P2Y", "exact"), ("10 ans à compter de l’émission", "P10Y", "exact")],
        ),
        (
            "Jusqu’au retrait du consentement<br>Trois ans à compter de la collecte",
            [("Jusqu’au retrait du consentement", None, "exact"), ("Trois ans à compter de la collecte", "P3Y", "exact")],
        ),
        (
            "1 an après la commande<br>Historique des achats 5 ans",
            [("1 an après la commande", "P1Y", "exact"), ("5 ans", "P5Y", "exact")],
        ),
    ],
)
def test_retention_br_splits_a_table_cell(rules, cell, expected):
    raw = f"| Traitement | Durée de conservation |\n| --- | --- |\n| Prospection | {cell} |\n"
    assert _records(rules, raw) == expected


def test_retention_cookie_table_lifetimes(rules):
    raw = (
        "Les traceurs déposés sur notre site sont les suivants.\n\n"
        "| Nom | Fournisseur | Finalité | Expiration |\n"
        "| --- | --- | --- | --- |\n"
        "| sid | Nous | Garder la session ouverte | 30 minutes |\n"
        "| pref | Nous | Retenir la langue | 1 an |\n"
        + "".join(f"| t{i} | Régie | Mesure de la fréquentation de la page et des sites de la régie | 13 mois |\n" for i in range(60))
        + "| last | Régie | Mesure d’audience | 6 mois |\n"
    )
    found_cells = _records(rules, raw)
    assert found_cells[:2] == [("30 minutes", "PT30M", "exact"), ("1 an", "P1Y", "exact")]
    assert found_cells[-1] == ("6 mois", "P6M", "exact") and len(found_cells) == 63


def test_retention_cookie_table_session_cells_and_consent_memory(rules):
    """``Session`` is a null period whose event is the word itself; the lifetime of a cookie that keeps
    the consent choice is how long a choice lasts, not retention (gold/README.md)."""
    raw = (
        "| Nom | Finalité | Durée de conservation |\n"
        "| --- | --- | --- |\n"
        "| panier | Retenir le contenu du panier | Session |\n"
        "| choix | Conserver votre consentement aux traceurs | 6 mois |\n"
        "| langue | Retenir vos choix de langue | 1 an |\n"
        "| mesure | Mesurer la fréquentation des pages | 13 mois |\n"
    )
    assert _records(rules, raw) == [("Session", None, "exact"), ("1 an", "P1Y", "exact"), ("13 mois", "P13M", "exact")]
    doc = rules(INTRO + "Durée de conservation\nSession\n")
    assert [s._.retention.after for s in doc.spans[SPAN_KEY]] == ["Session"]


def test_retention_cookie_table_column_unit(rules):
    """A lifetime column whose header names the unit (``Durée de vie (jours)``) holds bare numbers:
    each is a period in that unit, ``<1`` an upper bound; a number column under another header
    (``Nombre``) and a consent-keeping cookie's row are not."""
    raw = (
        "| Cookie | Rôle | Nombre | Durée de vie (jours) |\n"
        "| --- | --- | --- | --- |\n"
        "| visite | Compter les pages vues par visite | 12 | 400 |\n"
        "| panier | Retenir le contenu du panier | 3 | <1 |\n"
        "| choix | Conserver votre consentement aux traceurs | 1 | 180 |\n"
        "| onglet | Ouvrir la page suivante | 2 | Session |\n"
    )
    assert _records(rules, raw) == [("400", "P400D", "exact"), ("<1", "P1D", "max"), ("Session", None, "exact")]
    raw = "| Nom | Expiration (en mois) |\n| --- | --- |\n| mesure | 13 |\n| langue | 6 |\n"
    assert _records(rules, raw) == [("13", "P13M", "exact"), ("6", "P6M", "exact")]
    raw = "| Nom | Pages (nombre) |\n| --- | --- |\n| mesure | 13 |\n"
    assert _records(rules, raw) == []


def test_retention_cookie_table_session_wordings_and_cookie_management(rules):
    """``session`` and ``Session de navigation`` cells are null periods; a cookie whose finalité is
    ``Gestion des cookies`` keeps the banner's choice (third-batch decision): its lifetime is left."""
    raw = (
        "| Nom | Finalité | Durée de conservation |\n"
        "| --- | --- | --- |\n"
        "| pan | Retenir le panier | session |\n"
        "| nav | Suivre la visite en cours | Session de navigation |\n"
        "| cc_pub | Gestion des cookies | 1 an |\n"
        "| mes | Mesurer la fréquentation | 13 mois |\n"
    )
    assert _records(rules, raw) == [("session", None, "exact"), ("Session de navigation", None, "exact"), ("13 mois", "P13M", "exact")]


def test_retention_necessity_cell(rules):
    """A cell that states the necessity rule (``Temps de conservation nécessaire pour ...``) is a null period."""
    raw = "| Données | Durée de conservation |\n| --- | --- |\n| Pièces jointes | Temps de conservation nécessaire pour instruire le dossier |\n"
    assert _records(rules, raw) == [("Temps de conservation nécessaire pour instruire le dossier", None, "exact")]


def test_retention_deletion_on_request_cell(rules):
    raw = "| Formulaire | Finalité | Gestion de la péremption |\n| --- | --- | --- |\n| Contact | Répondre | Modification, suppression à votre demande |\n"
    assert _records(rules, raw) == [("suppression à votre demande", None, "exact")]


def test_retention_table_flattened_into_text(rules):
    raw = (
        "Durées de conservation : Comptes clients. 3 ans après la dernière commande. Factures. 10 ans. "
        "Journaux de connexion. 12 mois. Cookies de mesure. 13 mois.\n"
    )
    assert _records(rules, raw) == [
        ("3 ans après la dernière commande", "P3Y", "exact"),
        ("10 ans", "P10Y", "exact"),
        ("12 mois", "P12M", "exact"),
        ("13 mois", "P13M", "exact"),
    ]


def test_retention_table_flattened_row_by_row(rules):
    """A table flattened one row a line, its header row one long line ending on ``Durée de
    conservation``: a period that opens a line or follows the row's legal basis is its cell."""
    header = "Finalité du traitement Opérations réalisées sur les données Base légale Durée de conservation\n\n"
    rows = (
        "Gestion des comptes Ouvrir et fermer le compte Contrat\n\n"
        "Quatre ans après la fermeture du compte\n\n"
        "Enquêtes Envoyer des questionnaires aux clients Consentement 6 mois après l’envoi du questionnaire\n\n"
        "Statistiques Mesurer les ventes de la boutique Intérêt légitime 2 ans\n"
    )
    assert _records(rules, header + rows) == [
        ("Quatre ans après la fermeture du compte", "P4Y", "exact"),
        ("6 mois après l’envoi du questionnaire", "P6M", "exact"),
        ("2 ans", "P2Y", "exact"),
    ]
    assert _records(rules, "Finalité du traitement Opérations réalisées sur les données Base légale Destinataires\n\n" + rows) == []


def test_retention_save_and_load_round_trip(rules, tmp_path):
    rules.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "Vos données sont conservées pendant 5 ans."
    assert found(loaded, text, "DURATION") == found(rules, text, "DURATION") == [(36, 41, "P5Y", "exact")]


def test_retention_with_the_full_model(nlp):
    doc = nlp("Harmony conserve les conversations téléphoniques pendant un maximum de 180 jours.")
    spans = [s for s in doc.spans[SPAN_KEY] if s.label_ == "DURATION"]
    assert [(s.text, s._.retention.iso, s._.retention.bound) for s in spans] == [("un maximum de 180 jours", "P180D", "max")]


def test_retention_a_table_cell_period_never_runs_into_the_note_below_the_table():
    import spacy

    from pipeline.config import default_params
    from pipeline.extract import extract
    from pipeline.notices import Notice

    nlp = spacy.blank("fr")
    nlp.add_pipe("privacy_retention")
    text = ("| Traceur | Durée |\n|---|---|\n| Mesure d’audience | 13 mois post dépôt du traceur |\n\n"
            "- à compter de la dernière visite sur le site : pour les traceurs de mesure\n")
    (record,) = extract(nlp, [Notice("n", text, "n")], default_params(), pytest.fail)
    assert [(s["text"], s["value"], s["after"]) for s in record["spans"]] == [
        ("13 mois post dépôt du traceur", "P13M", "dépôt du traceur")]
