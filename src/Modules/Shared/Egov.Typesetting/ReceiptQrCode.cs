using QRCoder;

namespace Egov.Typesetting;

/// <summary>
/// The QR code (ISO/IEC 18004) of a receipt's verification address as a PNG: error correction level M
/// (15 % of the code may be damaged), 2 pixels per module, with the standard quiet zone of 4 modules.
/// The receipt scales the image to its box without interpolation (sharp module edges), so more pixels
/// per module would print the same squares; they only cost time (PDFsharp decodes the PNG pixel by
/// pixel: at 4 pixels per module that was about a twentieth of a receipt's CPU).
/// QRCoder's RGBA overload is used because PDFsharp refuses the 1-bit PNG of the default overload.
/// </summary>
internal static class ReceiptQrCode
{
    private const int PixelsPerModule = 2;

    private static readonly byte[] Dark = [0, 0, 0, 255];
    private static readonly byte[] Light = [255, 255, 255, 255];

    /// <summary>The PNG bytes of the QR code of <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">The text is too long for a QR code (more than about 2,300 bytes at level M).</exception>
    public static byte[] Png(string text)
    {
        try
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            using var png = new PngByteQRCode(data);
            return png.GetGraphic(PixelsPerModule, Dark, Light, drawQuietZones: true);
        }
        catch (QRCoder.Exceptions.DataTooLongException e)
        {
            throw new ArgumentException("The verification address is too long for a QR code.", nameof(text), e);
        }
    }
}
