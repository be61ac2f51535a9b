/**
 * Believable content for demo conversations: a Brazilian small business talking to its
 * customers. Realistic data makes layout problems (long names, emoji, long messages)
 * show up in the demo instead of in production.
 */
import { randomInt, randomUUID } from 'node:crypto';

const FIRST_NAMES = [
  'Ana',
  'Bruno',
  'Camila',
  'Daniel',
  'Eduarda',
  'Felipe',
  'Gabriela',
  'Henrique',
  'Isabela',
  'João Pedro',
  'Juliana',
  'Lucas',
  'Mariana',
  'Matheus',
  'Natália',
  'Otávio',
  'Patrícia',
  'Rafael',
  'Sofia',
  'Thiago',
  'Vitória',
  'Wesley',
  'Letícia',
  'Gustavo',
  'Beatriz',
];

const LAST_NAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Rodrigues',
  'Ferreira',
  'Alves',
  'Pereira',
  'Lima',
  'Gomes',
  'Costa',
  'Ribeiro',
  'Martins',
  'Carvalho',
  'Almeida',
  'Lopes',
  'Araújo',
  'Barbosa',
  'Conceição',
  'Nascimento',
];

const INCOMING_TEXTS = [
  'Oi, bom dia! Vocês ainda têm o tênis preto no tamanho 41?',
  'Boa tarde 😊 qual o horário de funcionamento no sábado?',
  'Meu pedido ainda não chegou, o código de rastreio é BR123456789BR',
  'Vocês entregam em Niterói?',
  'Obrigada pelo atendimento!! 🙏',
  'Consigo pagar no pix?',
  'Tem desconto pra pagamento à vista?',
  'Oi! Vi o anúncio no Instagram, ainda está disponível?',
  'Preciso trocar o tamanho, comprei M mas ficou apertado',
  'Pode me mandar o catálogo atualizado?',
  'Qual o prazo de entrega pra Curitiba?',
  'Beleza, vou passar aí amanhã de manhã então',
  'Acabei de fazer o pix, segue o comprovante',
  'Olá, gostaria de agendar um horário para quinta-feira à tarde, se possível depois das 15h. Meu nome é o mesmo do cadastro.',
  'ok',
  'Vocês abrem no feriado?',
  '👍',
  'Tem na cor azul marinho?',
];

const OUTGOING_TEXTS = [
  'Olá! Tudo bem? Temos sim, quer que eu separe para você?',
  'Bom dia! No sábado abrimos das 9h às 14h.',
  'Vou verificar com a transportadora e já te retorno.',
  'Entregamos sim! O frete para Niterói fica R$ 15,90.',
  'Nós que agradecemos! Qualquer coisa é só chamar 😊',
  'Aceitamos pix, cartão e boleto.',
  'Pagando no pix você ganha 5% de desconto.',
  'Pode trazer na loja com a nota fiscal que trocamos na hora.',
  'Segue o catálogo!',
  'O prazo para Curitiba é de 3 a 5 dias úteis.',
  'Perfeito, te aguardamos!',
  'Recebido, obrigado! Seu pedido já está em separação.',
];

const MEDIA_CAPTIONS: Record<MediaContentType, string[]> = {
  image: ['', 'Esse aqui', 'Olha a foto do defeito', 'Comprovante'],
  video: ['', 'Vídeo do produto funcionando'],
  audio: [''],
  document: ['catalogo-2025.pdf', 'nota-fiscal.pdf', 'comprovante-pix.pdf'],
};

const MEDIA_EXTENSIONS: Record<MediaContentType, string[]> = {
  image: ['jpg', 'jpeg', 'png'],
  video: ['mp4'],
  audio: ['ogg', 'mp3'],
  document: ['pdf'],
};

export const MEDIA_CONTENT_TYPES = ['image', 'audio', 'video', 'document'] as const;
export type MediaContentType = (typeof MEDIA_CONTENT_TYPES)[number];

export function isMediaContentType(type: string): type is MediaContentType {
  return (MEDIA_CONTENT_TYPES as readonly string[]).includes(type);
}

export function pick<T>(items: readonly T[]): T {
  const item = items[randomInt(items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

export function randomContactName(): string {
  return `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
}

export function randomIncomingText(): string {
  return pick(INCOMING_TEXTS);
}

export function randomOutgoingText(): string {
  return pick(OUTGOING_TEXTS);
}

export function randomCaption(type: MediaContentType): string {
  return pick(MEDIA_CAPTIONS[type]);
}

/**
 * An https URL under the reserved `.example` TLD: realistic in shape (the backend stores
 * media in a CDN bucket) yet guaranteed never to hit somebody's real server.
 */
export function generateMediaUrl(type: MediaContentType): string {
  return `https://cdn.auzap.example/media/${type}/${randomUUID()}.${pick(MEDIA_EXTENSIONS[type])}`;
}

/** What a conversation list shows for a message without text. */
export function previewFor(content: string, contentType: string): string {
  if (content.trim() !== '') return content;
  switch (contentType) {
    case 'image':
      return '📷 Foto';
    case 'video':
      return '🎥 Vídeo';
    case 'audio':
      return '🎤 Áudio';
    case 'document':
      return '📄 Documento';
    case 'text':
      return '';
    default:
      return 'Mensagem não suportada';
  }
}
